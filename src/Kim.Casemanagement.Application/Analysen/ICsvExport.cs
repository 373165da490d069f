namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Renders an analysis table as CSV (UTF-8 with BOM, semicolon, German number format: what Excel in Germany opens as is).</summary>
public interface ICsvExport
{
    byte[] Erzeugen(AnalyseTabelle tabelle);
}

using System.Globalization;
using CsvHelper;
using Kim.Casemanagement.Application.Analysen;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>
/// CSV with CsvHelper in the form German spreadsheet programs open directly: UTF-8 with byte-order mark, semicolon,
/// decimal comma; text cells that a spreadsheet would run as a formula (<c>= + - @</c>) are escaped.
/// </summary>
public sealed class CsvExport : ICsvExport
{
    private static readonly CsvWriterOptions Optionen = CsvWriterOptions.Default with
    {
        Separator = ';',
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.GetCultureInfo("de-DE"),
        WriteByteOrderMark = true,
    };

    public byte[] Erzeugen(AnalyseTabelle tabelle)
    {
        ArgumentNullException.ThrowIfNull(tabelle);
        using var speicher = new MemoryStream();
        using (var csv = CsvWriter.Create(speicher, Optionen, true))
        {
            csv.WriteHeader([.. tabelle.Spalten]);
            foreach (var zeile in tabelle.Zeilen)
            {
                foreach (var zelle in zeile)
                {
                    csv.WriteField(zelle);
                }

                csv.EndRecord();
            }
        }

        return speicher.ToArray();
    }
}

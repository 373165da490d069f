namespace Kim.Casemanagement.Application.Analysen.Ergebnisse;

/// <summary>A directly-follows step of the process map between two node ids: how often, by how many Fälle, median and 80th percentile of the days between the two steps.</summary>
public sealed record ProzessKante(string Von, string Nach, long? Anzahl, long? Faelle, double? MedianTage, double? P80Tage, bool Gesperrt);

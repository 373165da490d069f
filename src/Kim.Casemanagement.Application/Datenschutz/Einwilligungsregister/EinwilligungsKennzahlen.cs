namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>
/// The tenant's consents by state today: <see cref="Gueltig"/> includes <see cref="Ablaufend"/> (valid, ending within
/// <see cref="AblaufTage"/> days).
/// </summary>
public sealed record EinwilligungsKennzahlen(int Gueltig, int Ablaufend, int AblaufTage, int Abgelaufen, int Widerrufen, int Kuenftig);

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>One parameter a step takes: name (API key), German label, type, required, and for choices the allowed values with labels.</summary>
public sealed record ParameterDefinition(
    string Name,
    string Bezeichnung,
    ParameterTyp Typ,
    bool Pflicht,
    IReadOnlyList<Auswahlwert>? Werte = null,
    int? Min = null,
    int? Max = null)
{
    public static ParameterDefinition Auswahl<TEnum>(string name, string bezeichnung, bool pflicht, Func<TEnum, string> label)
        where TEnum : struct, Enum =>
        new(name, bezeichnung, ParameterTyp.Auswahl, pflicht, Enum.GetValues<TEnum>().Select(v => new Auswahlwert(v.ToString(), label(v))).ToArray());
}

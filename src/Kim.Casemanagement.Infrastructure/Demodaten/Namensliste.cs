namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// Hand-made first names and surnames of one country in one script. Where surnames change with gender (Russian, Macedonian),
/// <see cref="NachnamenWeiblich"/> holds the female form at the same index.
/// </summary>
internal sealed record Namensliste(string[] Maennlich, string[] Weiblich, string[] Nachnamen, string[]? NachnamenWeiblich = null)
{
    public string Nachname(int index, bool weiblich) =>
        weiblich && NachnamenWeiblich is { } w ? w[index] : Nachnamen[index];
}

using Kim.Casemanagement.Application.Faelle.FaelleSuchen;

namespace Kim.Casemanagement.Web.Api;

/// <summary>Query-string parameters of GET /api/faelle.</summary>
internal sealed record FallSucheParameter(
    string? Suche,
    string? Phase,
    string? Spur,
    string? Zustand,
    bool? FaelligeWiedervorlagen,
    int? OhneKontaktSeitTagen,
    string? FallmanagerId,
    bool? OhneFallmanager,
    string? Sortierung,
    bool? Absteigend,
    int? Seite,
    int? Groesse)
{
    public FallSuche AlsSuche() => new(
        Suche, Phase, Spur, Zustand, FaelligeWiedervorlagen ?? false, OhneKontaktSeitTagen, FallmanagerId, OhneFallmanager ?? false,
        Sortierung ?? "geaendert", Absteigend ?? true, Seite ?? 1, Groesse ?? 25);
}

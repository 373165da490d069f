using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>A batch of generated Fälle (clients <see cref="Von"/> to <see cref="Von"/> + count - 1) and the time it took to simulate them.</summary>
public sealed record Stapel(int Von, IReadOnlyList<FallDatensatz> Faelle, TimeSpan Dauer);

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>Independent random streams of one run: changing how one is used does not shift the others.</summary>
internal enum Strom
{
    Haushalte = 1,
    Faelle = 2,
    Personal = 3,
}

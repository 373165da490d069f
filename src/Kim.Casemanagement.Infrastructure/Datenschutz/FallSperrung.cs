namespace Kim.Casemanagement.Infrastructure.Datenschutz;

/// <summary>
/// The one definition of an <b>active hold</b> (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X) in C#: a row of
/// <c>fall_sperren</c> that is not lifted and whose end date, if it has one, is today or later
/// (<c>aufgehoben_am IS NULL AND (bis IS NULL OR bis &gt;= today)</c>). Everything that must know whether a Fall is held
/// builds its SQL from these fragments: the Fall's load and save (<see cref="Persistence.FallRepository"/>), the lists
/// and the team lead's figures (<see cref="Persistence.FallAbfragen"/>), the deadline check, the holds themselves
/// (<see cref="FallSperren"/>) and the erasure job. The only other copy is the database function
/// <c>fall_ereignisse_anonymisieren</c> (migration 0010), which applies the same condition with today in Europe/Berlin.
/// "Today" is the Kommune's business day (Europe/Berlin, <see cref="Application.Abstractions.IKalender.Heute"/>),
/// passed as a parameter.
/// </summary>
public static class FallSperrung
{
    /// <summary>
    /// The hold row <paramref name="alias"/> (of <c>fall_sperren</c>) is active on <paramref name="heute"/> (a
    /// placeholder or expression of type <c>date</c>, e.g. <c>$2</c> or <c>@heute</c>).
    /// </summary>
    public static string Aktiv(string alias, string heute) =>
        $"({alias}.aufgehoben_am IS NULL AND ({alias}.bis IS NULL OR {alias}.bis >= {heute}))";

    /// <summary>
    /// The Fall <paramref name="fallId"/> (a column such as <c>f.id</c>, or a placeholder) has an active hold on
    /// <paramref name="heute"/>.
    /// </summary>
    public static string Gesperrt(string fallId, string heute) =>
        $"EXISTS (SELECT 1 FROM fall_sperren sperre_aktiv WHERE sperre_aktiv.fall_id = {fallId} AND {Aktiv("sperre_aktiv", heute)})";

    /// <summary>What a reader of a held Fall learns of its hold (alias <c>s</c>): since when, until when.</summary>
    public const string VermerkSpalten = "s.gesetzt_am, s.bis";

    /// <summary>
    /// A join of the active hold of the Fall <paramref name="fallId"/> (a column such as <c>f.id</c>) on
    /// <paramref name="heute"/> under alias <c>s</c>, for <see cref="VermerkSpalten"/> (empty when it is not held).
    /// </summary>
    public static string VermerkJoin(string fallId, string heute) =>
        $"LEFT JOIN fall_sperren s ON s.fall_id = {fallId} AND {Aktiv("s", heute)}";

    /// <summary>
    /// The active hold of the Fall <paramref name="fallId"/> as a reader sees it (<see cref="VermerkSpalten"/>); no row
    /// when it is not held (at most one: only one hold of a Fall can be not lifted).
    /// </summary>
    public static string AktiveSperreSql(string fallId, string heute) =>
        $"SELECT {VermerkSpalten} FROM fall_sperren s WHERE s.fall_id = {fallId} AND {Aktiv("s", heute)}";
}

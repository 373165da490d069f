using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// Compares the EF Core relational model with what PostgreSQL reports for schema <c>public</c> and lists every
/// difference, one line each, so that a developer sees at once what to change in <c>db/migrations</c> or in
/// <c>Persistence/Configurations</c>. Compared: tables, columns (store type, nullability, identity, generated),
/// primary keys, foreign keys (columns, referenced table and columns, ON DELETE), indexes (name, columns in order,
/// uniqueness, method, sort order, INCLUDE columns, filter) and sequences. Not compared: names of primary and
/// foreign key constraints (EF never creates them), CHECK constraints and column defaults (the database enforces
/// them; EF does not need to know).
/// </summary>
internal static partial class SchemaVergleich
{
    public const string Schema = "public";

    /// <summary>Tables in the database that EF deliberately does not map. Anything else unmapped is drift.</summary>
    public static readonly IReadOnlySet<string> NurSqlTabellen = new HashSet<string>(StringComparer.Ordinal)
    {
        // The migrator's journal (SqlMigrator.JournalTable): created and written by SqlMigrator itself, not by the app.
        "schema_migrations",

        // The stored analytics report (migration 0007): one JSON document per tenant, read and replaced with plain SQL by
        // AnalysenStand; no entity of the domain, nothing EF loads or tracks.
        "analysen_staende",

        // Audit retention (migration 0009, ADR 0006): the checkpoints of the audit chain and the database's floor of the
        // audit period, written only by the SQL functions audit_pruefpunkt_setzen/audit_abschnitte_entfernen and read with
        // plain SQL by AuditPruefung, AuditVersiegelung and AuditAufbewahrung.
        "audit_pruefpunkte",
        "audit_aufbewahrung",

        // Lifecycle of personal data (migration 0010, ADR 0007): holds (Sperrungen) and the erasure record
        // (Löschprotokoll), written and read with plain SQL by FallSperren and FallLoeschung; no entity of the domain.
        "fall_sperren",
        "loeschlaeufe",

        // Client keys for crypto-shredding (migration 0013, ADR 0007): read and written with plain SQL by KlientSchluessel.
        "klient_schluessel",

        // The token service's clients, scopes and grants (migration 0014, ADR 0010): read and written with plain SQL by
        // the IdentityServer stores (KimClientStore, KimResourceStore, KimGrantStore) and ClientVerzeichnis; no entity
        // of the domain.
        "tokendienst_clients",
        "tokendienst_scopes",
        "tokendienst_grants",

        // The Lenkungsgruppe's decisions (migration 0017, ADR 0011): read and written with plain SQL by
        // EntscheidungenRepository; no entity of the domain.
        "lenkungsgruppe_entscheidungen",

        // The Mandanten (Kommunen) of the installation (migration 0019, ADR 0014): read and written with plain SQL by
        // MandantenVerwaltung (provider's CLI, API and page) and joined by sign-in and the token service.
        "mandanten",

        // The settings per Mandant (migration 0022): read and written with plain SQL by MandantEinstellungenSpeicher.
        "mandant_einstellungen",
    };

    /// <summary>
    /// Columns that are NULL-able in the database while EF maps them as required, each with its reason. Only this
    /// direction is allowed: a row EF loads always has a value.
    /// </summary>
    public static readonly IReadOnlySet<string> NurInDerDatenbankNullbar = new HashSet<string>(StringComparer.Ordinal)
    {
        // An anonymised Fall (migration 0010, ADR 0007) has no client; the EF query filter on Fall excludes anonymised
        // Fälle, so every Fall EF loads has one (the domain Fall always has a client).
        "faelle.klient_id",
    };

    /// <summary>Non-primary-key indexes that exist only in SQL because EF Core cannot model them. Anything else unmapped is drift.</summary>
    public static readonly IReadOnlySet<string> NurSqlIndizes = new HashSet<string>(StringComparer.Ordinal)
    {
        // GIN trigram index over the expression (vorname || ' ' || nachname) with gin_trgm_ops, serving the ILIKE
        // name search in FallAbfragen: EF Core cannot model expression indexes.
        "ix_klienten_name_trgm",

        // (mandant, prozess_zustand): tenant-scoped phase filters. EF Core cannot put one index across an owner
        // column (Fall.Mandant) and a column of an owned type (Fall.Prozess.Zustand).
        "ix_faelle_mandant_prozess_zustand",
    };

    /// <summary>
    /// Sequences the application uses outside the EF model (raw SQL), with their data type. Sequences behind identity or
    /// serial columns are covered by the column comparison; every other sequence must be listed here or in the EF model.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> AnwendungsSequenzen = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // FallRepository.NaechstesAktenzeichenAsync: SELECT nextval('aktenzeichen_seq').
        ["aktenzeichen_seq"] = "bigint",
    };

    private const string TabellenSql = """
        SELECT c.relname, c.relkind::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        """;

    private const string SpaltenSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity::text, a.attgenerated::text
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped
        """;

    private const string SchluesselSql = """
        SELECT con.contype::text, con.conname, c.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(nr, pos)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.nr ORDER BY k.pos),
               rc.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(nr, pos)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.nr ORDER BY k.pos),
               con.confdeltype::text
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        WHERE n.nspname = @schema AND con.contype IN ('p', 'f')
        """;

    private const string IndizesSql = """
        SELECT t.relname, ic.relname, i.indisunique, am.amname,
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
               ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(i.indnkeyatts + 1, i.indnatts) k ORDER BY k),
               ARRAY(SELECT coalesce(pg_index_column_has_property(i.indexrelid, k, 'desc'), false) FROM generate_series(1, i.indnkeyatts) k ORDER BY k),
               pg_get_expr(i.indpred, i.indrelid)
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = ic.relam
        WHERE n.nspname = @schema AND NOT i.indisprimary
        """;

    private const string SequenzenSql = """
        SELECT c.relname, format_type(s.seqtypid, NULL),
               EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i'))
        FROM pg_class c
        JOIN pg_sequence s ON s.seqrelid = c.oid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind = 'S'
        """;

    /// <summary>Every difference between <paramref name="model"/> and the database, sorted; empty when they agree.</summary>
    public static async Task<IReadOnlyList<string>> UnterschiedeAsync(IModel model, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(model);
        var datenbank = await DatenbankLesenAsync(connectionString);
        var ef = EfLesen(model);
        var unterschiede = new List<string>();

        TabellenVergleichen(ef, datenbank, unterschiede);
        foreach (var (name, efTabelle) in ef.Tabellen)
        {
            if (!datenbank.Tabellen.TryGetValue(name, out var dbTabelle))
            {
                continue;
            }

            SpaltenVergleichen(efTabelle, dbTabelle, unterschiede);
            SchluesselVergleichen(efTabelle, dbTabelle, unterschiede);
            IndizesVergleichen(efTabelle, dbTabelle, unterschiede);
        }

        SequenzenVergleichen(ef, datenbank, unterschiede);
        unterschiede.Sort(StringComparer.Ordinal);
        return unterschiede;
    }

    /// <summary>The differences as one message for a failing assertion.</summary>
    public static string Bericht(IReadOnlyCollection<string> unterschiede) =>
        string.Create(CultureInfo.InvariantCulture, $"The EF model (Persistence/Configurations) and the migrated schema (db/migrations) differ in {unterschiede.Count} point(s):")
        + Environment.NewLine + string.Join(Environment.NewLine, unterschiede.Select(u => "  - " + u));

    private static void TabellenVergleichen(Stand ef, Stand datenbank, List<string> unterschiede)
    {
        foreach (var (name, tabelle) in ef.Tabellen)
        {
            if (tabelle.Schema != Schema)
            {
                unterschiede.Add($"{name}: mapped by EF to schema '{tabelle.Schema}', only schema '{Schema}' is compared");
            }
            else if (!datenbank.Tabellen.TryGetValue(name, out var db))
            {
                unterschiede.Add($"{name}: {tabelle.Art} mapped by EF but missing in the database");
            }
            else if (db.Art != tabelle.Art)
            {
                unterschiede.Add($"{name}: {db.Art} in the database, mapped by EF as {tabelle.Art}");
            }
        }

        foreach (var (name, tabelle) in datenbank.Tabellen)
        {
            if (!ef.Tabellen.ContainsKey(name) && !NurSqlTabellen.Contains(name))
            {
                unterschiede.Add($"{name}: {tabelle.Art} exists in the database but is not mapped by EF (map it, or add it to {nameof(NurSqlTabellen)} with a reason)");
            }
        }
    }

    private static void SpaltenVergleichen(Tabelle ef, Tabelle db, List<string> unterschiede)
    {
        foreach (var (name, spalte) in ef.Spalten)
        {
            if (!db.Spalten.TryGetValue(name, out var dbSpalte))
            {
                unterschiede.Add($"{ef.Name}.{name}: column mapped by EF ({spalte.Beschreibung}) but missing in the database");
                continue;
            }

            if (spalte.Typ != dbSpalte.Typ)
            {
                unterschiede.Add($"{ef.Name}.{name}: store type is {dbSpalte.Typ} in the database, {spalte.Typ} in EF");
            }

            if (spalte.Nullable != dbSpalte.Nullable && !(dbSpalte.Nullable && NurInDerDatenbankNullbar.Contains($"{ef.Name}.{name}")))
            {
                unterschiede.Add($"{ef.Name}.{name}: {Null(dbSpalte.Nullable)} in the database, {Null(spalte.Nullable)} in EF");
            }

            if (spalte.Identitaet != dbSpalte.Identitaet)
            {
                unterschiede.Add($"{ef.Name}.{name}: identity is '{Identitaet(dbSpalte.Identitaet)}' in the database, '{Identitaet(spalte.Identitaet)}' in EF");
            }

            if (spalte.Berechnet != dbSpalte.Berechnet)
            {
                unterschiede.Add($"{ef.Name}.{name}: {(dbSpalte.Berechnet ? "a generated column" : "not generated")} in the database, {(spalte.Berechnet ? "a computed column" : "not computed")} in EF");
            }
        }

        foreach (var (name, spalte) in db.Spalten)
        {
            if (!ef.Spalten.ContainsKey(name))
            {
                unterschiede.Add($"{ef.Name}.{name}: column exists in the database ({spalte.Beschreibung}) but is not mapped by EF");
            }
        }
    }

    private static void SchluesselVergleichen(Tabelle ef, Tabelle db, List<string> unterschiede)
    {
        var efPk = ef.Primaerschluessel is null ? "(none)" : Liste(ef.Primaerschluessel);
        var dbPk = db.Primaerschluessel is null ? "(none)" : Liste(db.Primaerschluessel);
        if (efPk != dbPk)
        {
            unterschiede.Add($"{ef.Name}: primary key is {dbPk} in the database, {efPk} in EF");
        }

        foreach (var (signatur, loeschen) in ef.Fremdschluessel)
        {
            if (!db.Fremdschluessel.TryGetValue(signatur, out var dbLoeschen))
            {
                unterschiede.Add($"{ef.Name}: foreign key {signatur} mapped by EF but missing in the database");
            }
            else if (dbLoeschen != loeschen)
            {
                unterschiede.Add($"{ef.Name}: foreign key {signatur} is ON DELETE {dbLoeschen} in the database, {loeschen} in EF");
            }
        }

        foreach (var signatur in db.Fremdschluessel.Keys.Where(s => !ef.Fremdschluessel.ContainsKey(s)))
        {
            unterschiede.Add($"{ef.Name}: foreign key {signatur} exists in the database but is not mapped by EF");
        }
    }

    private static void IndizesVergleichen(Tabelle ef, Tabelle db, List<string> unterschiede)
    {
        foreach (var (name, index) in ef.Indizes)
        {
            if (!db.Indizes.TryGetValue(name, out var dbIndex))
            {
                var gleich = db.Indizes.Values.FirstOrDefault(i => i.Spalten.SequenceEqual(index.Spalten, StringComparer.Ordinal));
                var hinweis = gleich is null ? string.Empty : $" (the database has {gleich.Name} on the same columns)";
                unterschiede.Add($"{ef.Name}: index {name} {index.Beschreibung} mapped by EF but missing in the database{hinweis}");
                continue;
            }

            if (index.Beschreibung != dbIndex.Beschreibung)
            {
                unterschiede.Add($"{ef.Name}: index {name} is {dbIndex.Beschreibung} in the database, {index.Beschreibung} in EF");
            }
        }

        foreach (var (name, index) in db.Indizes)
        {
            if (!ef.Indizes.ContainsKey(name) && !NurSqlIndizes.Contains(name))
            {
                unterschiede.Add($"{ef.Name}: index {name} {index.Beschreibung} exists in the database but is not mapped by EF (map it, or add it to {nameof(NurSqlIndizes)} with a reason)");
            }
        }

        foreach (var name in NurSqlIndizes.Where(n => ef.Indizes.ContainsKey(n)))
        {
            unterschiede.Add($"{ef.Name}: index {name} is mapped by EF but listed in {nameof(NurSqlIndizes)} (remove it from the list)");
        }
    }

    private static void SequenzenVergleichen(Stand ef, Stand datenbank, List<string> unterschiede)
    {
        var erwartet = new Dictionary<string, string>(AnwendungsSequenzen, StringComparer.Ordinal);
        foreach (var (name, sequenz) in ef.Sequenzen)
        {
            erwartet[name] = sequenz.Typ;
        }

        foreach (var (name, typ) in erwartet)
        {
            if (!datenbank.Sequenzen.TryGetValue(name, out var db) || db.SpaltenEigen)
            {
                unterschiede.Add($"sequence {name} ({typ}): used by the application but missing in the database");
            }
            else if (db.Typ != typ)
            {
                unterschiede.Add($"sequence {name}: {db.Typ} in the database, {typ} expected by the application");
            }
        }

        foreach (var (name, sequenz) in datenbank.Sequenzen)
        {
            if (!sequenz.SpaltenEigen && !erwartet.ContainsKey(name))
            {
                unterschiede.Add($"sequence {name} ({sequenz.Typ}): exists in the database but neither the EF model nor the application uses it (add it to {nameof(AnwendungsSequenzen)} with a reason)");
            }
        }
    }

    private static Stand EfLesen(IModel model)
    {
        var relational = model.GetRelationalModel();
        var tabellen = new Dictionary<string, Tabelle>(StringComparer.Ordinal);
        foreach (var table in relational.Tables)
        {
            var store = StoreObjectIdentifier.Table(table.Name, table.Schema);
            var spalten = table.Columns.ToDictionary(
                c => c.Name,
                c => new Spalte(Typ(c.StoreType), c.IsNullable, EfIdentitaet(c, store), c.ComputedColumnSql is not null),
                StringComparer.Ordinal);

            var fremdschluessel = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var fk in table.ForeignKeyConstraints)
            {
                fremdschluessel[FkSignatur(fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name, fk.PrincipalColumns.Select(c => c.Name))] = Loeschen(fk.OnDeleteAction);
            }

            var indizes = new Dictionary<string, Indexeintrag>(StringComparer.Ordinal);
            foreach (var index in table.Indexes)
            {
                var mapped = index.MappedIndexes.First();
                var include = mapped.GetIncludeProperties()?
                    .Select(p => mapped.DeclaringEntityType.FindProperty(p)?.GetColumnName(store) ?? p)
                    .ToArray() ?? [];
                indizes[index.Name] = new Indexeintrag(
                    index.Name,
                    index.Columns.Select(c => c.Name).ToArray(),
                    index.IsUnique,
                    mapped.GetMethod() ?? "btree",
                    index.IsDescending is { Count: > 0 } desc ? index.Columns.Select((_, i) => desc[i]).ToArray() : new bool[index.Columns.Count],
                    include,
                    Filter(index.Filter));
            }

            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
            {
                indizes[unique.Name] = new Indexeintrag(unique.Name, unique.Columns.Select(c => c.Name).ToArray(), true, "btree", new bool[unique.Columns.Count], [], null);
            }

            tabellen[table.Name] = new Tabelle(
                table.Name,
                table.Schema ?? Schema,
                "table",
                spalten,
                table.PrimaryKey?.Columns.Select(c => c.Name).ToArray(),
                fremdschluessel,
                indizes);
        }

        foreach (var view in relational.Views)
        {
            tabellen[view.Name] = new Tabelle(
                view.Name,
                view.Schema ?? Schema,
                "view",
                view.Columns.ToDictionary(c => c.Name, c => new Spalte(Typ(c.StoreType), c.IsNullable, string.Empty, false), StringComparer.Ordinal),
                null,
                new Dictionary<string, string>(StringComparer.Ordinal),
                new Dictionary<string, Indexeintrag>(StringComparer.Ordinal));
        }

        var sequenzen = model.GetSequences().ToDictionary(
            s => s.Name,
            s => new Sequenz(s.Type == typeof(int) ? "integer" : s.Type == typeof(short) ? "smallint" : "bigint", false),
            StringComparer.Ordinal);
        return new Stand(tabellen, sequenzen);
    }

    private static string EfIdentitaet(IColumn column, StoreObjectIdentifier store) =>
        column.PropertyMappings.Select(m => m.Property.GetValueGenerationStrategy(store)).FirstOrDefault(s => s is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn) switch
        {
            NpgsqlValueGenerationStrategy.IdentityAlwaysColumn => "a",
            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn => "d",
            _ => string.Empty,
        };

    private static async Task<Stand> DatenbankLesenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var tabellen = new Dictionary<string, Tabelle>(StringComparer.Ordinal);
        foreach (var zeile in await LesenAsync(connection, TabellenSql, r => (Name: r.GetString(0), Art: r.GetString(1))))
        {
            var art = zeile.Art is "v" or "m" ? "view" : zeile.Art == "f" ? "foreign table" : "table";
            tabellen[zeile.Name] = new Tabelle(
                zeile.Name,
                Schema,
                art,
                new Dictionary<string, Spalte>(StringComparer.Ordinal),
                null,
                new Dictionary<string, string>(StringComparer.Ordinal),
                new Dictionary<string, Indexeintrag>(StringComparer.Ordinal));
        }

        foreach (var (tabelle, spalte, typ, notNull, identitaet, generiert) in await LesenAsync(
            connection, SpaltenSql, r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3), r.GetString(4), r.GetString(5))))
        {
            tabellen[tabelle].Spalten[spalte] = new Spalte(Typ(typ), !notNull, identitaet, generiert.Length > 0);
        }

        foreach (var (art, _, tabelle, spalten, referenziert, referenzSpalten, loeschen) in await LesenAsync(
            connection,
            SchluesselSql,
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetFieldValue<string[]>(5), r.GetString(6))))
        {
            var t = tabellen[tabelle];
            if (art == "p")
            {
                tabellen[tabelle] = t with { Primaerschluessel = spalten };
            }
            else
            {
                t.Fremdschluessel[FkSignatur(spalten, referenziert!, referenzSpalten)] = loeschen switch
                {
                    "c" => "CASCADE",
                    "n" => "SET NULL",
                    "d" => "SET DEFAULT",
                    _ => "NO ACTION", // 'a' NO ACTION and 'r' RESTRICT: both refuse; they differ only for deferred checks.
                };
            }
        }

        foreach (var (tabelle, name, unique, methode, spalten, include, absteigend, filter) in await LesenAsync(
            connection,
            IndizesSql,
            r => (r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetString(3), r.GetFieldValue<string[]>(4), r.GetFieldValue<string[]>(5), r.GetFieldValue<bool[]>(6), r.IsDBNull(7) ? null : r.GetString(7))))
        {
            tabellen[tabelle].Indizes[name] = new Indexeintrag(name, spalten.Select(Bezeichner).ToArray(), unique, methode, absteigend, include.Select(Bezeichner).ToArray(), Filter(filter));
        }

        var sequenzen = new Dictionary<string, Sequenz>(StringComparer.Ordinal);
        foreach (var (name, typ, spaltenEigen) in await LesenAsync(connection, SequenzenSql, r => (r.GetString(0), r.GetString(1), r.GetBoolean(2))))
        {
            sequenzen[name] = new Sequenz(Typ(typ), spaltenEigen);
        }

        return new Stand(tabellen, sequenzen);
    }

    private static async Task<List<T>> LesenAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> zeile)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", Schema);
        await using var reader = await command.ExecuteReaderAsync();
        var zeilen = new List<T>();
        while (await reader.ReadAsync())
        {
            zeilen.Add(zeile(reader));
        }

        return zeilen;
    }

    /// <summary>Store types as format_type() spells them, so that EF aliases (timestamptz, int4, varchar(n)) compare equal.</summary>
    private static string Typ(string typ)
    {
        var t = Leerzeichen().Replace(typ.Trim().ToLowerInvariant(), " ");
        var klammer = t.IndexOf('(', StringComparison.Ordinal);
        var basis = klammer < 0 ? t : t[..klammer].TrimEnd();
        var rest = klammer < 0 ? string.Empty : t[klammer..].Replace(" ", string.Empty, StringComparison.Ordinal);
        var array = basis.EndsWith("[]", StringComparison.Ordinal) ? "[]" : string.Empty;
        basis = basis.TrimEnd('[', ']');
        basis = basis switch
        {
            "timestamptz" => "timestamp with time zone",
            "timestamp" => "timestamp without time zone",
            "timetz" => "time with time zone",
            "time" => "time without time zone",
            "int" or "int4" => "integer",
            "int8" => "bigint",
            "int2" => "smallint",
            "bool" => "boolean",
            "float8" => "double precision",
            "float4" => "real",
            "varchar" => "character varying",
            "char" or "bpchar" => "character",
            "decimal" => "numeric",
            _ => basis,
        };
        return basis + rest + array;
    }

    /// <summary>Filters compared loosely: without parentheses, quotes and redundant whitespace, case-insensitive.</summary>
    private static string? Filter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var ohne = filter.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal).Replace("\"", string.Empty, StringComparison.Ordinal);
        return Leerzeichen().Replace(ohne, " ").Trim().ToLowerInvariant();
    }

    private static string Bezeichner(string name) => name.Length > 1 && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    private static string FkSignatur(IEnumerable<string> spalten, string referenziert, IEnumerable<string> referenzSpalten) =>
        $"{Liste(spalten)} -> {referenziert}{Liste(referenzSpalten)}";

    private static string Loeschen(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION", // NoAction and Restrict, see the database side.
    };

    private static string Liste(IEnumerable<string> namen) => "(" + string.Join(", ", namen) + ")";

    private static string Null(bool nullable) => nullable ? "NULL" : "NOT NULL";

    private static string Identitaet(string art) => art switch
    {
        "a" => "GENERATED ALWAYS AS IDENTITY",
        "d" => "GENERATED BY DEFAULT AS IDENTITY",
        _ => "none",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Leerzeichen();

    private sealed record Stand(IReadOnlyDictionary<string, Tabelle> Tabellen, IReadOnlyDictionary<string, Sequenz> Sequenzen);

    /// <param name="SpaltenEigen">Owned by an identity or serial column (compared with that column).</param>
    private sealed record Sequenz(string Typ, bool SpaltenEigen);

    private sealed record Tabelle(
        string Name,
        string Schema,
        string Art,
        Dictionary<string, Spalte> Spalten,
        string[]? Primaerschluessel,
        Dictionary<string, string> Fremdschluessel,
        Dictionary<string, Indexeintrag> Indizes);

    private sealed record Spalte(string Typ, bool Nullable, string Identitaet, bool Berechnet)
    {
        public string Beschreibung => Typ + (Nullable ? ", NULL" : ", NOT NULL") + (Identitaet.Length > 0 ? ", identity" : string.Empty);
    }

    private sealed record Indexeintrag(string Name, string[] Spalten, bool Unique, string Methode, bool[] Absteigend, string[] Include, string? FilterText)
    {
        public string Beschreibung =>
            (Unique ? "UNIQUE " : string.Empty)
            + (Methode == "btree" ? string.Empty : $"USING {Methode} ")
            + Liste(Spalten.Select((s, i) => Absteigend.ElementAtOrDefault(i) ? s + " DESC" : s))
            + (Include.Length > 0 ? " INCLUDE " + Liste(Include) : string.Empty)
            + (FilterText is null ? string.Empty : $" WHERE {FilterText}");
    }
}

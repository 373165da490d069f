using Kim.Casemanagement.Infrastructure.Persistence.Configurations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Gives the ASP.NET Core Identity tables German snake_case names, as in db/migrations/0002_identitaet.sql.</summary>
internal static class IdentitaetsTabellen
{
    /// <summary>The unique index on (mandant, normalized_user_name) of migration 0021.</summary>
    public const string BenutzernameIndex = "ix_benutzer_mandant_normalized_user_name";

    private static readonly Dictionary<Type, string> Tabellen = new()
    {
        [typeof(Benutzer)] = "benutzer",
        [typeof(IdentityRole)] = "rollen",
        [typeof(IdentityUserRole<string>)] = "benutzer_rollen",
        [typeof(IdentityUserClaim<string>)] = "benutzer_claims",
        [typeof(IdentityRoleClaim<string>)] = "rollen_claims",
        [typeof(IdentityUserLogin<string>)] = "benutzer_logins",
        [typeof(IdentityUserToken<string>)] = "benutzer_tokens",
        [typeof(IdentityUserPasskey<string>)] = "benutzer_passkeys",
    };

    public static void Benennen(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => Tabellen.ContainsKey(e.ClrType)).ToList())
        {
            entity.SetTableName(Tabellen[entity.ClrType]);
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName($"pk_{Tabellen[entity.ClrType]}");
            }

            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName($"fk_{Tabellen[entity.ClrType]}_{(Tabellen.TryGetValue(fk.PrincipalEntityType.ClrType, out var ziel) ? ziel : fk.PrincipalEntityType.GetTableName())}");
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{Tabellen[entity.ClrType]}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }

        modelBuilder.Entity<Benutzer>(b =>
        {
            b.Property(x => x.Behoerde).HasConversion<string>();
            b.HasIndex(x => x.TeamId).HasDatabaseName("ix_benutzer_team_id");

            // User names are unique per Mandant (migration 0021), not installation-wide as Identity's UserNameIndex says.
            if (b.Metadata.FindIndex(b.Metadata.FindProperty(nameof(Benutzer.NormalizedUserName))!) is { } installationsweit)
            {
                b.Metadata.RemoveIndex(installationsweit);
            }

            b.HasIndex(x => new { x.Mandant, x.NormalizedUserName }).IsUnique().HasDatabaseName(BenutzernameIndex);
        });

        modelBuilder.Entity<DatenschutzSchluessel>(b =>
        {
            b.ToTable("data_protection_keys");
            b.HasKey(k => k.Id).HasName("pk_data_protection_keys");
            b.Property(k => k.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            b.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            b.Property(k => k.Xml).HasColumnName("xml").IsRequired();
        });

        modelBuilder.Entity<Team>(b =>
        {
            b.ToTable("teams");
            b.HasKey(t => t.Id).HasName("pk_teams");
            b.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(t => t.Name).HasColumnName("name").IsRequired();
            b.Property(t => t.Mandant).HasColumnName("mandant").IsRequired();
            b.HasIndex(t => new { t.Mandant, t.Name }).IsUnique().HasDatabaseName("ux_teams_mandant_name");
        });

        modelBuilder.Entity<Sitzung>(b =>
        {
            b.ToTable("sitzungen");
            b.MandantVomBesitzer(pflicht: true);
            b.HasKey(s => s.Id).HasName("pk_sitzungen");
            b.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(s => s.BenutzerId).HasColumnName("benutzer_id").IsRequired();
            b.Property(s => s.Art).HasColumnName("art").IsRequired();
            b.Property(s => s.ZweiterFaktor).HasColumnName("zweiter_faktor");
            b.Property(s => s.ErstelltAm).HasColumnName("erstellt_am");
            b.Property(s => s.LetzteAktivitaet).HasColumnName("letzte_aktivitaet");
            b.Property(s => s.AblaufAbsolut).HasColumnName("ablauf_absolut");
            b.Property(s => s.BeendetAm).HasColumnName("beendet_am");
            b.Property(s => s.BeendetGrund).HasColumnName("beendet_grund");
            b.HasOne<Benutzer>().WithMany().HasForeignKey(s => s.BenutzerId).OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sitzungen_benutzer");
            b.HasIndex(s => s.BenutzerId).HasFilter("beendet_am IS NULL").HasDatabaseName("ix_sitzungen_benutzer_id_offen");
        });
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

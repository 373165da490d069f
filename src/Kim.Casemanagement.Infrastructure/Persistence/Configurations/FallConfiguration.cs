using Kim.Casemanagement.Domain.Faelle;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Persistence.Configurations;

internal sealed class FallConfiguration : IEntityTypeConfiguration<Fall>
{
    public void Configure(EntityTypeBuilder<Fall> b)
    {
        b.ToTable("faelle");
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(f => f.Mandant).HasColumnName("mandant").IsRequired();
        b.Property(f => f.Aktenzeichen).HasColumnName("aktenzeichen").IsRequired();
        b.Property(f => f.KlientId).HasColumnName("klient_id");
        b.Property(f => f.FallmanagerId).HasColumnName("fallmanager_id");
        b.Property(f => f.TeamId).HasColumnName("team_id");
        b.Property(f => f.AufgenommenAm).HasColumnName("aufgenommen_am");
        b.Property(f => f.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(f => f.GeaendertAm).HasColumnName("geaendert_am");
        b.Property(f => f.Version).HasColumnName("version").IsConcurrencyToken();
        b.Property(f => f.EreignisAnzahl).HasColumnName("ereignis_anzahl");
        b.Property(f => f.Art13InformiertAm).HasColumnName("art13_informiert_am");
        b.Property(f => f.LetzterKontaktAm).HasColumnName("letzter_kontakt_am");
        b.Property(f => f.Kompetenzprofil).HasColumnName("kompetenzprofil").HasColumnType("jsonb")
            .HasConversion(JsonWerte.KompetenzprofilKonverter, JsonWerte.KompetenzprofilVergleich).IsRequired();

        b.OwnsOne(f => f.Prozess, p =>
        {
            p.Property(x => x.Zustand).HasColumnName("prozess_zustand").HasConversion<string>().IsRequired();
            p.Property(x => x.Seit).HasColumnName("prozess_seit");
            p.Property(x => x.PhaseVorRuhen).HasColumnName("prozess_phase_vor_ruhen").HasConversion<string>();
            p.Property(x => x.Abschlussgrund).HasColumnName("prozess_abschlussgrund").HasConversion<string>();
            p.Property(x => x.Abbruchgrund).HasColumnName("prozess_abbruchgrund").HasConversion<string>();
        });
        b.Navigation(f => f.Prozess).IsRequired();

        b.OwnsOne(f => f.Aufenthalt, a =>
        {
            a.Property(x => x.Zustand).HasColumnName("aufenthalt_zustand").HasConversion<string>().IsRequired();
            a.Property(x => x.Seit).HasColumnName("aufenthalt_seit");
            a.Property(x => x.RechtmaessigSeit).HasColumnName("aufenthalt_rechtmaessig_seit");
            a.Property(x => x.GeduldetSeit).HasColumnName("aufenthalt_geduldet_seit");
            a.Property(x => x.Schutzform).HasColumnName("aufenthalt_schutzform").HasConversion<string>();
            a.Property(x => x.TitelArt).HasColumnName("aufenthalt_titel_art").HasConversion<string>();
            a.Property(x => x.Rechtsgrundlage).HasColumnName("aufenthalt_rechtsgrundlage");
            a.Property(x => x.TitelGueltigAb).HasColumnName("aufenthalt_titel_gueltig_ab");
            a.Property(x => x.GueltigBis).HasColumnName("aufenthalt_gueltig_bis");
            a.Property(x => x.Nebenbestimmungen).HasColumnName("aufenthalt_nebenbestimmungen");
            a.Property(x => x.Wohnsitzauflage).HasColumnName("aufenthalt_wohnsitzauflage");
            a.Property(x => x.ErsteParagraph24ErteilungAm).HasColumnName("aufenthalt_erste_p24_erteilung_am");
            a.Property(x => x.ChancenaufenthaltsrechtSeit).HasColumnName("aufenthalt_chancen_seit");
        });
        b.Navigation(f => f.Aufenthalt).IsRequired();

        b.OwnsOne(f => f.Leistungen, l =>
        {
            l.Property(x => x.Zustand).HasColumnName("leistungen_zustand").HasConversion<string>().IsRequired();
            l.Property(x => x.Seit).HasColumnName("leistungen_seit");
            l.Property(x => x.KooperationsplanAm).HasColumnName("leistungen_kooperationsplan_am");
            l.Property(x => x.Massnahme).HasColumnName("leistungen_massnahme").HasConversion<string>();
            l.Property(x => x.BeschaeftigtSeit).HasColumnName("leistungen_beschaeftigt_seit");
            l.Property(x => x.Wochenstunden).HasColumnName("leistungen_wochenstunden");
        });
        b.Navigation(f => f.Leistungen).IsRequired();

        b.OwnsOne(f => f.Bildung, x =>
        {
            x.Property(y => y.Zustand).HasColumnName("bildung_zustand").HasConversion<string>().IsRequired();
            x.Property(y => y.Seit).HasColumnName("bildung_seit");
            x.Property(y => y.IntegrationskursArt).HasColumnName("bildung_ik_art").HasConversion<string>();
            x.Property(y => y.IntegrationskursWiederholungen).HasColumnName("bildung_ik_wiederholungen");
            x.Property(y => y.IntegrationskursAbgeschlossen).HasColumnName("bildung_ik_abgeschlossen");
            x.Property(y => y.Massnahmebezeichnung).HasColumnName("bildung_massnahmebezeichnung");
        });
        b.Navigation(f => f.Bildung).IsRequired();

        // Anonymised Fälle (migration 0010, docs/adr/0007-loeschung-und-anonymisierung.md) stay in the table for the
        // Lenkungsgruppe's figures, without a client: no query of the case work ever sees them. Their coarsened client
        // attributes are shadow properties: the domain Fall never has them.
        b.Property<DateOnly?>("AnonymisiertAm").HasColumnName("anonymisiert_am");
        b.Property<int?>("AnonymAlterBeiAufnahme").HasColumnName("anonym_alter_bei_aufnahme");
        b.Property<DateOnly?>("AnonymEinreisedatum").HasColumnName("anonym_einreisedatum");
        b.HasQueryFilter(f => EF.Property<DateOnly?>(f, "AnonymisiertAm") == null);

        b.HasOne(f => f.Klient).WithMany().HasForeignKey(f => f.KlientId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(f => f.Einwilligungen).WithOne().HasForeignKey(e => e.FallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Einwilligungen).HasField("_einwilligungen").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(f => f.Ziele).WithOne().HasForeignKey(z => z.FallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Ziele).HasField("_ziele").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(f => f.Wiedervorlagen).WithOne().HasForeignKey(w => w.FallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Wiedervorlagen).HasField("_wiedervorlagen").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(f => f.Vertretungen).WithOne().HasForeignKey(v => v.FallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Vertretungen).HasField("_vertretungen").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(f => f.Ueberleitungen).WithOne().HasForeignKey(u => u.FallId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(f => f.Ueberleitungen).HasField("_ueberleitungen").UsePropertyAccessMode(PropertyAccessMode.Field);

        b.Ignore(f => f.NeueEreignisse);
        b.Ignore(f => f.NeueNotizen);
        b.Ignore(f => f.NeueUebergaben);
        b.Ignore(f => f.KlientGeaendert);

        b.HasIndex(f => f.Aktenzeichen).IsUnique().HasDatabaseName("ux_faelle_aktenzeichen");
        b.HasIndex(f => f.KlientId).HasDatabaseName("ix_faelle_klient_id");
        b.HasIndex(f => f.FallmanagerId).HasDatabaseName("ix_faelle_fallmanager_id");
        b.HasIndex(f => f.TeamId).HasDatabaseName("ix_faelle_team_id");
    }
}

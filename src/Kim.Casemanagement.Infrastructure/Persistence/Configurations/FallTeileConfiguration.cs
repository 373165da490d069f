using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Persistence.Configurations;

internal sealed class EinwilligungConfiguration : IEntityTypeConfiguration<Einwilligung>
{
    public void Configure(EntityTypeBuilder<Einwilligung> b)
    {
        b.ToTable("einwilligungen");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(e => e.FallId).HasColumnName("fall_id");
        b.Property(e => e.Empfaenger).HasColumnName("empfaenger").HasConversion<string>().IsRequired();
        b.Property(e => e.Datenkategorien).HasColumnName("datenkategorien").HasConversion<int>();
        b.Property(e => e.Zweck).HasColumnName("zweck").IsRequired();
        b.Property(e => e.GueltigAb).HasColumnName("gueltig_ab");
        b.Property(e => e.GueltigBis).HasColumnName("gueltig_bis");
        b.Property(e => e.FormularReferenz).HasColumnName("formular_referenz").IsRequired();
        b.Property(e => e.ErfasstAm).HasColumnName("erfasst_am");
        b.Property(e => e.ErfasstVon).HasColumnName("erfasst_von").IsRequired();
        b.Property(e => e.WiderrufenAm).HasColumnName("widerrufen_am");
        b.Property(e => e.WiderrufenVon).HasColumnName("widerrufen_von");
        b.HasIndex(e => e.FallId).HasDatabaseName("ix_einwilligungen_fall_id");
        b.HasIndex(e => new { e.Empfaenger, e.FallId }).HasDatabaseName("ix_einwilligungen_empfaenger");
    }
}

internal sealed class ZielConfiguration : IEntityTypeConfiguration<Ziel>
{
    public void Configure(EntityTypeBuilder<Ziel> b)
    {
        b.ToTable("ziele");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(z => z.Id);
        b.Property(z => z.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(z => z.FallId).HasColumnName("fall_id");
        b.Property(z => z.Was).HasColumnName("was").IsRequired();
        b.Property(z => z.BisWann).HasColumnName("bis_wann");
        b.Property(z => z.Wer).HasColumnName("wer").IsRequired();
        b.Property(z => z.Messgroesse).HasColumnName("messgroesse");
        b.Property(z => z.VereinbartAm).HasColumnName("vereinbart_am");
        b.Property(z => z.Bewertung).HasColumnName("bewertung").HasConversion<string>();
        b.Property(z => z.BewertetAm).HasColumnName("bewertet_am");
        b.HasIndex(z => z.FallId).HasDatabaseName("ix_ziele_fall_id");
    }
}

internal sealed class WiedervorlageConfiguration : IEntityTypeConfiguration<Wiedervorlage>
{
    public void Configure(EntityTypeBuilder<Wiedervorlage> b)
    {
        b.ToTable("wiedervorlagen");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(w => w.FallId).HasColumnName("fall_id");
        b.Property(w => w.Faellig).HasColumnName("faellig");
        b.Property(w => w.Betreff).HasColumnName("betreff").IsRequired();
        b.Property(w => w.Art).HasColumnName("art").HasConversion<string>().IsRequired();
        b.Property(w => w.Schluessel).HasColumnName("schluessel");
        b.Property(w => w.ZustaendigId).HasColumnName("zustaendig_id");
        b.Property(w => w.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(w => w.ErledigtAm).HasColumnName("erledigt_am");
        b.Property(w => w.ErledigtVon).HasColumnName("erledigt_von");
        b.Ignore(w => w.IstOffen);
        b.HasIndex(w => w.FallId).HasDatabaseName("ix_wiedervorlagen_fall_id");
        b.HasIndex(w => new { w.FallId, w.Schluessel }).IsUnique().HasFilter("schluessel IS NOT NULL").HasDatabaseName("ux_wiedervorlagen_fall_id_schluessel");
        b.HasIndex(w => w.Faellig).HasFilter("erledigt_am IS NULL").HasDatabaseName("ix_wiedervorlagen_offen_faellig");
    }
}

internal sealed class VertretungConfiguration : IEntityTypeConfiguration<Vertretung>
{
    public void Configure(EntityTypeBuilder<Vertretung> b)
    {
        b.ToTable("vertretungen");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(v => v.FallId).HasColumnName("fall_id");
        b.Property(v => v.BenutzerId).HasColumnName("benutzer_id").IsRequired();
        b.Property(v => v.Von).HasColumnName("von");
        b.Property(v => v.Bis).HasColumnName("bis");
        b.HasIndex(v => v.FallId).HasDatabaseName("ix_vertretungen_fall_id");
        b.HasIndex(v => v.BenutzerId).HasDatabaseName("ix_vertretungen_benutzer_id");
    }
}

internal sealed class UeberleitungConfiguration : IEntityTypeConfiguration<Ueberleitung>
{
    public void Configure(EntityTypeBuilder<Ueberleitung> b)
    {
        b.ToTable("ueberleitungen");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(u => u.FallId).HasColumnName("fall_id");
        b.Property(u => u.Empfaenger).HasColumnName("empfaenger").HasConversion<string>().IsRequired();
        b.Property(u => u.Anliegen).HasColumnName("anliegen").IsRequired();
        b.Property(u => u.Zustand).HasColumnName("zustand").HasConversion<string>().IsRequired();
        b.Property(u => u.Seit).HasColumnName("seit");
        b.Property(u => u.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(u => u.ErstelltVon).HasColumnName("erstellt_von").IsRequired();
        b.HasIndex(u => u.FallId).HasDatabaseName("ix_ueberleitungen_fall_id");
        b.HasIndex(u => new { u.Empfaenger, u.Zustand }).HasDatabaseName("ix_ueberleitungen_empfaenger_zustand");
    }
}

internal sealed class NotizConfiguration : IEntityTypeConfiguration<Notiz>
{
    public void Configure(EntityTypeBuilder<Notiz> b)
    {
        b.ToTable("notizen");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(n => n.FallId).HasColumnName("fall_id");
        b.Property(n => n.Text).HasColumnName("text").IsRequired();
        b.Property(n => n.VerfasstVon).HasColumnName("verfasst_von").IsRequired();
        b.Property(n => n.VerfasstAm).HasColumnName("verfasst_am");
        b.HasOne<Fall>().WithMany().HasForeignKey(n => n.FallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.FallId, n.VerfasstAm }).HasDatabaseName("ix_notizen_fall_id_verfasst_am");
    }
}

internal sealed class KompetenzprofilUebergabeConfiguration : IEntityTypeConfiguration<KompetenzprofilUebergabe>
{
    public void Configure(EntityTypeBuilder<KompetenzprofilUebergabe> b)
    {
        b.ToTable("kompetenzprofil_uebergaben");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(u => u.FallId).HasColumnName("fall_id");
        b.Property(u => u.Empfaenger).HasColumnName("empfaenger").HasConversion<string>().IsRequired();
        b.Property(u => u.Anlass).HasColumnName("anlass").IsRequired();
        b.Property(u => u.FachlichesDatum).HasColumnName("fachliches_datum");
        b.Property(u => u.Profil).HasColumnName("profil").HasColumnType("jsonb")
            .HasConversion(JsonWerte.KompetenzprofilKonverter, JsonWerte.KompetenzprofilVergleich).IsRequired();
        b.Property(u => u.ErstelltAm).HasColumnName("erstellt_am");
        b.HasOne<Fall>().WithMany().HasForeignKey(u => u.FallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => u.FallId).HasDatabaseName("ix_kompetenzprofil_uebergaben_fall_id");
    }
}

internal sealed class FallEreignisConfiguration : IEntityTypeConfiguration<FallEreignis>
{
    public void Configure(EntityTypeBuilder<FallEreignis> b)
    {
        b.ToTable("fall_ereignisse");
        b.MandantVomBesitzer(pflicht: true);
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(e => e.FallId).HasColumnName("fall_id");
        b.Property(e => e.Nr).HasColumnName("nr");
        b.Property(e => e.Spur).HasColumnName("spur").HasConversion<string>().IsRequired();
        b.Property(e => e.UeberleitungId).HasColumnName("ueberleitung_id");
        b.Property(e => e.Trigger).HasColumnName("trigger").IsRequired();
        b.Property(e => e.VonZustand).HasColumnName("von_zustand");
        b.Property(e => e.NachZustand).HasColumnName("nach_zustand").IsRequired();
        b.Property(e => e.FachlichesDatum).HasColumnName("fachliches_datum");
        b.Property(e => e.ErfasstAm).HasColumnName("erfasst_am");
        b.Property(e => e.Akteur).HasColumnName("akteur").IsRequired();
        b.Property(e => e.Notiz).HasColumnName("notiz");
        b.Property(e => e.Parameter).HasColumnName("parameter").HasColumnType("jsonb")
            .HasConversion(JsonWerte.ParameterKonverter, JsonWerte.ParameterVergleich).IsRequired();
        b.Property(e => e.AusgeloestDurch).HasColumnName("ausgeloest_durch");
        b.HasOne<Fall>().WithMany().HasForeignKey(e => e.FallId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.FallId, e.Nr }).IsUnique().HasDatabaseName("ux_fall_ereignisse_fall_id_nr");
        b.HasIndex(e => new { e.Spur, e.FachlichesDatum }).HasDatabaseName("ix_fall_ereignisse_spur_fachliches_datum");
    }
}

using Kim.Casemanagement.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

internal sealed class BenachrichtigungKonfiguration : IEntityTypeConfiguration<Benachrichtigung>
{
    public void Configure(EntityTypeBuilder<Benachrichtigung> b)
    {
        b.ToTable("benachrichtigungen");
        b.MandantVomBesitzer(pflicht: false);
        b.HasKey(x => x.Id).HasName("pk_benachrichtigungen");
        b.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(x => x.Xid).HasColumnName("xid").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
        b.Property(x => x.EmpfaengerId).HasColumnName("empfaenger_id").IsRequired();
        b.Property(x => x.Seq).HasColumnName("seq");
        b.Property(x => x.FallId).HasColumnName("fall_id");
        b.Property(x => x.Art).HasColumnName("art").IsRequired();
        b.Property(x => x.Titel).HasColumnName("titel").IsRequired();
        b.Property(x => x.Text).HasColumnName("text").IsRequired();
        b.Property(x => x.Link).HasColumnName("link");
        b.Property(x => x.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(x => x.GelesenAm).HasColumnName("gelesen_am");
        b.HasIndex(x => new { x.EmpfaengerId, x.Seq }).IsUnique().HasDatabaseName("ux_benachrichtigungen_empfaenger_id_seq");
        b.HasIndex(x => x.Xid).HasDatabaseName("ix_benachrichtigungen_xid");
        b.HasIndex(x => x.EmpfaengerId).HasFilter("gelesen_am IS NULL").HasDatabaseName("ix_benachrichtigungen_ungelesen");
        b.HasIndex(x => x.FallId).HasFilter("fall_id IS NOT NULL").HasDatabaseName("ix_benachrichtigungen_fall_id");
    }
}

internal sealed class BenachrichtigungZaehlerKonfiguration : IEntityTypeConfiguration<BenachrichtigungZaehler>
{
    public void Configure(EntityTypeBuilder<BenachrichtigungZaehler> b)
    {
        b.ToTable("benachrichtigung_zaehler");
        b.MandantVomBesitzer(pflicht: false);
        b.HasKey(x => x.EmpfaengerId).HasName("pk_benachrichtigung_zaehler");
        b.Property(x => x.EmpfaengerId).HasColumnName("empfaenger_id");
        b.Property(x => x.LetzteSeq).HasColumnName("letzte_seq");
    }
}

internal sealed class TerminMeldungKonfiguration : IEntityTypeConfiguration<TerminMeldung>
{
    public void Configure(EntityTypeBuilder<TerminMeldung> b)
    {
        b.ToTable("termin_meldungen");
        b.HasKey(x => x.Schluessel).HasName("pk_termin_meldungen");
        b.Property(x => x.Schluessel).HasColumnName("schluessel");
        b.Property(x => x.ErstelltAm).HasColumnName("erstellt_am");
    }
}

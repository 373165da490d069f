using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>Maps <see cref="AuditEintrag"/> to <c>audit_protokoll</c> (db/migrations/0003_audit.sql).</summary>
internal sealed class AuditEintragKonfiguration : IEntityTypeConfiguration<AuditEintrag>
{
    public void Configure(EntityTypeBuilder<AuditEintrag> b)
    {
        b.ToTable("audit_protokoll");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();

        // Always the inserting transaction's id, never sent by EF (the app role may not even insert the column).
        var xid = b.Property(e => e.Xid).HasColumnName("xid").HasColumnType("xid8")
            .HasDefaultValueSql("pg_current_xact_id()").ValueGeneratedOnAdd();
        xid.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        xid.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        b.Property(e => e.Zeitpunkt).HasColumnName("zeitpunkt");
        b.Property(e => e.BenutzerId).HasColumnName("benutzer_id").IsRequired();
        b.Property(e => e.Rollen).HasColumnName("rollen").IsRequired();
        b.Property(e => e.Aktion).HasColumnName("aktion").IsRequired();
        b.Property(e => e.Detail).HasColumnName("detail");
        b.Property(e => e.FallId).HasColumnName("fall_id");
        b.Property(e => e.KlientId).HasColumnName("klient_id");
        b.Property(e => e.Ergebnis).HasColumnName("ergebnis");
        b.Property(e => e.Herkunft).HasColumnName("herkunft");
        b.Property(e => e.TraceId).HasColumnName("trace_id");
        b.Property(e => e.Mandant).HasColumnName("mandant");

        b.HasIndex(e => e.Xid).HasDatabaseName("ix_audit_protokoll_xid");
        b.HasIndex(e => new { e.FallId, e.Zeitpunkt }).HasDatabaseName("ix_audit_protokoll_fall_id_zeitpunkt");
        b.HasIndex(e => new { e.BenutzerId, e.Zeitpunkt }).HasDatabaseName("ix_audit_protokoll_benutzer_id_zeitpunkt");
        b.HasIndex(e => e.Zeitpunkt).HasDatabaseName("ix_audit_protokoll_zeitpunkt");
        // The Datenschutz view of one Kommune, newest first (migration 0019, ADR 0014).
        b.HasIndex(e => new { e.Mandant, e.Zeitpunkt }).HasDatabaseName("ix_audit_protokoll_mandant_zeitpunkt");
        // The access log of one client for the Art. 15 copy (migration 0012, ADR 0009).
        b.HasIndex(e => new { e.KlientId, e.Zeitpunkt }).HasFilter("klient_id IS NOT NULL").HasDatabaseName("ix_audit_protokoll_klient_id_zeitpunkt");
    }
}

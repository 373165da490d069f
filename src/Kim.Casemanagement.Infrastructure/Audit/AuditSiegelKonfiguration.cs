using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Audit;

/// <summary>Maps <see cref="AuditSiegel"/> to <c>audit_siegel</c> (db/migrations/0003_audit.sql). Written only by <see cref="AuditVersiegelung"/>.</summary>
internal sealed class AuditSiegelKonfiguration : IEntityTypeConfiguration<AuditSiegel>
{
    public void Configure(EntityTypeBuilder<AuditSiegel> b)
    {
        b.ToTable("audit_siegel", t => t.HasCheckConstraint("ck_audit_siegel_nr_positiv", "nr > 0"));
        b.HasKey(s => s.Nr);
        b.Property(s => s.Nr).HasColumnName("nr").ValueGeneratedNever();
        b.Property(s => s.AuditId).HasColumnName("audit_id");
        b.Property(s => s.ZeilenHash).HasColumnName("zeilen_hash").IsRequired();
        b.Property(s => s.VorgaengerHash).HasColumnName("vorgaenger_hash").IsRequired();
        b.Property(s => s.Hash).HasColumnName("hash").IsRequired();
        b.Property(s => s.GesiegeltAm).HasColumnName("gesiegelt_am");
        b.Property(s => s.BisXid).HasColumnName("bis_xid").HasColumnType("xid8");
        b.HasOne<AuditEintrag>().WithOne().HasForeignKey<AuditSiegel>(s => s.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.AuditId).IsUnique().HasDatabaseName("ux_audit_siegel_audit_id");
    }
}

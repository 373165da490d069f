using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Themen;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Analysen;

/// <summary>EF mapping of <c>themen</c> (db/migrations/0005_analysen.sql).</summary>
internal sealed class ThemaKonfiguration : IEntityTypeConfiguration<Thema>
{
    public void Configure(EntityTypeBuilder<Thema> b)
    {
        b.ToTable("themen");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(t => t.Mandant).HasColumnName("mandant").IsRequired();
        b.Property(t => t.FallId).HasColumnName("fall_id");
        b.Property(t => t.Kategorie).HasColumnName("kategorie").HasConversion<string>().IsRequired();
        b.Property(t => t.Beschreibung).HasColumnName("beschreibung").IsRequired();
        b.Property(t => t.Status).HasColumnName("status").HasConversion<string>().IsRequired();
        b.Property(t => t.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(t => t.ErstelltVon).HasColumnName("erstellt_von").IsRequired();
        b.Property(t => t.GeaendertAm).HasColumnName("geaendert_am");
        b.Property(t => t.GeaendertVon).HasColumnName("geaendert_von");
        b.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();
        b.HasOne<Fall>().WithMany().HasForeignKey(t => t.FallId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => t.FallId).HasDatabaseName("ix_themen_fall_id");
        b.HasIndex(t => new { t.Mandant, t.Status }).HasDatabaseName("ix_themen_mandant_status");
    }
}

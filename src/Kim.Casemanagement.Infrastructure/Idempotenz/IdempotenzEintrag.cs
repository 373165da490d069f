using Kim.Casemanagement.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Idempotenz;

/// <summary>A write's idempotency key (table <c>idempotenz</c>, migration 0006) and, once answered, its answer.</summary>
public sealed class IdempotenzEintrag
{
    public string BenutzerId { get; set; } = string.Empty;

    public string Schluessel { get; set; } = string.Empty;

    /// <summary>SHA-256 of method, path and body: the same key for another request is refused.</summary>
    public string AnfrageHash { get; set; } = string.Empty;

    public Guid? FallId { get; set; }

    public DateTimeOffset ErstelltAm { get; set; }

    public int? Status { get; set; }

    public string? Inhaltstyp { get; set; }

    public byte[]? Antwort { get; set; }
}

internal sealed class IdempotenzEintragKonfiguration : IEntityTypeConfiguration<IdempotenzEintrag>
{
    public void Configure(EntityTypeBuilder<IdempotenzEintrag> b)
    {
        b.ToTable("idempotenz");
        b.MandantVomBesitzer(pflicht: false);
        b.HasKey(x => new { x.BenutzerId, x.Schluessel }).HasName("pk_idempotenz");
        b.Property(x => x.BenutzerId).HasColumnName("benutzer_id");
        b.Property(x => x.Schluessel).HasColumnName("schluessel");
        b.Property(x => x.AnfrageHash).HasColumnName("anfrage_hash").IsRequired();
        b.Property(x => x.FallId).HasColumnName("fall_id");
        b.Property(x => x.ErstelltAm).HasColumnName("erstellt_am");
        b.Property(x => x.Status).HasColumnName("status");
        b.Property(x => x.Inhaltstyp).HasColumnName("inhaltstyp");
        b.Property(x => x.Antwort).HasColumnName("antwort");
        b.HasIndex(x => x.ErstelltAm).HasDatabaseName("ix_idempotenz_erstellt_am");
        b.HasIndex(x => x.FallId).HasFilter("fall_id IS NOT NULL").HasDatabaseName("ix_idempotenz_fall_id");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Persistence.Configurations;

/// <summary>
/// The <c>mandant</c> column of a table whose rows get their Mandant from their owner (migration 0019: a BEFORE INSERT
/// trigger reads it from the Fall, the client or the account). Mapped as a shadow property EF never writes: the
/// database fills it, and the schema-drift test still sees the column.
/// </summary>
internal static class MandantSpalte
{
    public static void MandantVomBesitzer<T>(this EntityTypeBuilder<T> b, bool pflicht)
        where T : class
    {
        var p = b.Property<string>("Mandant").HasColumnName("mandant").HasColumnType("text").IsRequired(pflicht).ValueGeneratedOnAdd();
        p.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        p.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

using Kim.Casemanagement.Application.Analysen.Algorithmen;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>The same definition as PostgreSQL's percentile_cont: position p·(n−1), linear between the neighbours.</summary>
public sealed class PerzentilTests
{
    [Theory]
    [InlineData(new double[] { 10, 20, 30, 40 }, 0.5, 25)]
    [InlineData(new double[] { 10, 20, 30, 40 }, 0.8, 34)]
    [InlineData(new double[] { 30, 10, 10 }, 0.5, 10)]
    [InlineData(new double[] { 30, 10, 10 }, 0.8, 22)]
    [InlineData(new double[] { 7 }, 0.8, 7)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 1, 5)]
    public void Kontinuierlich_LikePercentileCont_InterpolatesBetweenRanks(double[] werte, double p, double erwartet)
    {
        Perzentil.Kontinuierlich(werte, p)!.Value.ShouldBe(erwartet, 1e-12);
    }

    [Fact]
    public void Kontinuierlich_FromAFrequencyTable_EqualsTheExpandedValues()
    {
        Perzentil.Kontinuierlich([(10.0, 2L), (40.0, 1L), (20.0, 3L)], 0.8)
            .ShouldBe(Perzentil.Kontinuierlich([10.0, 10, 20, 20, 20, 40], 0.8));
    }

    [Fact]
    public void Kontinuierlich_WhenEmpty_IsNull()
    {
        Perzentil.Kontinuierlich(Array.Empty<double>(), 0.5).ShouldBeNull();
    }
}

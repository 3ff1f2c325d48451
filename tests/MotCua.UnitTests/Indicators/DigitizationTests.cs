using MotCua.Domain.Indicators;

namespace MotCua.UnitTests.Indicators;

public sealed class DigitizationTests
{
    private static readonly ComponentFacts File = new(HasFile: true, ReusedFromStoredDocument: false);
    private static readonly ComponentFacts Paper = new(HasFile: false, ReusedFromStoredDocument: false);
    private static readonly ComponentFacts Reused = new(HasFile: true, ReusedFromStoredDocument: true);

    [Fact]
    public void A_dossier_is_digitized_only_when_every_component_has_a_file()
    {
        Assert.True(Digitization.IsDigitized([File, File]));
        Assert.True(Digitization.IsDigitized([File, Reused]));
        Assert.False(Digitization.IsDigitized([File, Paper]));
        Assert.False(Digitization.IsDigitized([Paper]));
    }

    [Fact]
    public void A_dossier_without_components_has_nothing_scanned_and_is_not_digitized()
    {
        Assert.False(Digitization.IsDigitized([]));
    }

    [Fact]
    public void Only_reuse_by_reference_is_counted()
    {
        Assert.Equal(0, Digitization.RealReuses([File, Paper]));
        Assert.Equal(2, Digitization.RealReuses([Reused, File, Reused]));
    }
}

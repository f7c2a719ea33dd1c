namespace NewsPulse.Domain.Tests;

public class ContentHashTests
{
    [Fact]
    public void Case_spacing_and_paragraph_breaks_do_not_change_the_hash()
    {
        Assert.Equal(ContentHash.Of("Chip stocks rose.\nInvestors cheered."), ContentHash.Of("  chip  STOCKS rose. Investors\u00A0cheered.  "));
        Assert.NotEqual(ContentHash.Of("Chip stocks rose."), ContentHash.Of("Chip stocks fell."));
        Assert.Equal(32, ContentHash.Of(string.Empty).Length);
    }
}

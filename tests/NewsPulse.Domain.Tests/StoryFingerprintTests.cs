namespace NewsPulse.Domain.Tests;

public class StoryFingerprintTests
{
    private const string Story =
        "Nvidia reported quarterly revenue above expectations on Wednesday as cloud providers kept buying its processors. " +
        "Sales to China shrank after new export rules took effect, the company said. Analysts had expected a smaller beat. " +
        "The shares fell in extended trading after a strong month, a sign of how high expectations have become. " +
        "Data-centre revenue reached a record, and the company forecast another rise for the current quarter.";

    private const string OtherStory =
        "The European Central Bank kept its main rate unchanged on Thursday and warned about stretched valuations. " +
        "Officials said inflation was close to target but that the strong euro weighed on exporters across the region. " +
        "Markets had priced in no change, and the euro edged lower after the announcement in Frankfurt.";

    [Fact]
    public void The_same_text_gives_the_same_fingerprint_whatever_the_case_and_spacing()
    {
        var a = StoryFingerprint.Of(Story);
        var b = StoryFingerprint.Of("  " + Story.ToUpperInvariant().Replace(" ", "  \n", StringComparison.Ordinal));

        Assert.Equal(a.Signature, b.Signature);
        Assert.Equal(1.0, a.Overlap(b));
    }

    [Fact]
    public void A_truncated_copy_is_mostly_contained_in_the_full_story()
    {
        var full = StoryFingerprint.Of(Story);
        var teaser = StoryFingerprint.Of(Story[..(Story.Length * 6 / 10)]);

        Assert.True(full.Overlap(teaser) > 0.8, $"overlap {full.Overlap(teaser)}");
        Assert.True(full.Jaccard(teaser) < full.Overlap(teaser));
    }

    [Fact]
    public void Different_stories_barely_overlap()
    {
        Assert.True(StoryFingerprint.Of(Story).Overlap(StoryFingerprint.Of(OtherStory)) < 0.1);
    }

    [Fact]
    public void Empty_text_overlaps_nothing()
    {
        var empty = StoryFingerprint.Of(" \n ");

        Assert.Equal(0, empty.ShingleCount);
        Assert.Equal(0, empty.Overlap(StoryFingerprint.Of(Story)));
    }
}

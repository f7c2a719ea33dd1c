using NewsPulse.Ingest.Fetching;

namespace NewsPulse.Ingest.Tests;

public class RobotsRulesTests
{
    private const string Robots = """
        # Example publisher
        User-agent: *
        Disallow: /private/
        Disallow: /*.pdf$
        Allow: /private/press/

        User-agent: BadBot
        User-agent: OtherBot
        Disallow: /
        """;

    [Theory]
    [InlineData("/2026/11/story.html", true)]
    [InlineData("/private/memo.html", false)]
    [InlineData("/private/press/release.html", true)]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/robots.txt", true)]
    public void Star_group_applies_with_longest_match_wildcards_and_end_anchor(string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, "NewsPulse").IsAllowed(path));

    [Fact]
    public void A_group_naming_us_replaces_the_star_group()
    {
        var rules = RobotsRules.Parse(Robots + "\n\nUser-agent: newspulse\nDisallow: /members/\n", "NewsPulse");

        Assert.True(rules.IsAllowed("/private/memo.html"));
        Assert.False(rules.IsAllowed("/members/area.html"));
    }

    [Fact]
    public void Groups_shared_by_several_agents_apply_to_each()
    {
        Assert.False(RobotsRules.Parse(Robots, "OtherBot").IsAllowed("/anything"));
    }

    [Fact]
    public void On_equal_length_allow_wins()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "NewsPulse");

        Assert.True(rules.IsAllowed("/page.html"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("User-agent: *\nDisallow:\n")]
    [InlineData("this is not a robots file at all")]
    [InlineData("Disallow: /\n")]
    public void Empty_or_meaningless_files_allow_everything(string robots) =>
        Assert.True(RobotsRules.Parse(robots, "NewsPulse").IsAllowed("/story"));

    [Fact]
    public void Disallow_all_blocks_everything_but_robots_txt()
    {
        var rules = RobotsRules.Parse("User-agent: *\r\nDisallow: /\r\n", "NewsPulse");

        Assert.False(rules.IsAllowed("/"));
        Assert.False(rules.IsAllowed("/story?id=1"));
        Assert.True(rules.IsAllowed("/robots.txt"));
    }
}

namespace NewsPulse.IntegrationTests;

/// <summary>The feeds commands that change the database, run as the real executable against a test database.</summary>
public sealed class CliFeedsTests : FreshDatabaseTest
{
    private Dictionary<string, string> Database => new() { ["NEWSPULSE__ConnectionStrings__NewsPulse"] = ConnectionString };

    [Fact]
    public async Task Add_disable_status_and_export_work_together()
    {
        var added = await CliProcess.RunAsync(Database, "feeds", "add", "https://news.example/rss", "https://other.example/atom", "--language", "fr", "--interval", "2h");
        var again = await CliProcess.RunAsync(Database, "feeds", "add", "https://news.example/rss");
        var rejected = await CliProcess.RunAsync(Database, "feeds", "add", "ftp://news.example/rss");
        var disabled = await CliProcess.RunAsync(Database, "feeds", "disable", "2");
        var missing = await CliProcess.RunAsync(Database, "feeds", "disable", "999");
        var status = await CliProcess.RunAsync(Database, "feeds", "status", "--format", "json");
        var yaml = await CliProcess.RunAsync(Database, "feeds", "export", "--format", "yaml");
        var opml = await CliProcess.RunAsync(Database, "feeds", "export", "--format", "opml");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("2 added, 0 already present.", added.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped: https://news.example/rss is already polled as #1", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("must use http or https", rejected.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, 1), (disabled.ExitCode, missing.ExitCode));
        Assert.Contains("No feed with id 999", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"enabled\": false", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("interval: 2h", yaml.Stdout, StringComparison.Ordinal);
        Assert.Contains("enabled: false", yaml.Stdout, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://news.example/rss\"", opml.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("other.example", opml.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opml_import_keeps_categories_skips_duplicates_and_reports_bad_entries()
    {
        var file = Path.Combine(Path.GetTempPath(), $"np-import-{Guid.NewGuid():N}.opml");
        await File.WriteAllTextAsync(file, """
            <opml version="2.0"><body>
              <outline text="Markets"><outline type="rss" text="Desk" xmlUrl="https://desk.example/rss"/></outline>
              <outline type="rss" text="Desk twice" xmlUrl="https://desk.example/rss"/>
              <outline type="rss" text="Bad" xmlUrl="not a url"/>
            </body></opml>
            """);
        try
        {
            var first = await CliProcess.RunAsync(Database, "feeds", "import", file);
            var second = await CliProcess.RunAsync(Database, "feeds", "import", file);
            var yaml = await CliProcess.RunAsync(Database, "feeds", "export");

            Assert.Equal(1, first.ExitCode);
            Assert.Contains(":4:", first.Stderr, StringComparison.Ordinal);
            Assert.Contains("1 added, 0 already present.", first.Stdout, StringComparison.Ordinal);
            Assert.Contains("0 added, 1 already present.", second.Stdout, StringComparison.Ordinal);
            Assert.Contains("category: Markets", yaml.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

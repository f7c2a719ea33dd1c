using System.Text.Json;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>The real <c>newspulse</c> executable, run as a process: exit codes, stdout contracts, error messages.</summary>
public class CliTests
{
    [Fact]
    public async Task Extract_writes_one_json_object_per_file_in_input_order()
    {
        var folder = RepositoryRoot.Combine("samples", "sites", "techwire", "2026", "11");
        var bad = Path.Combine(AppContext.BaseDirectory, "testdata", "bad-site", "pages", "section-front.html");

        var (exitCode, stdout, _) = await CliProcess.RunAsync(null, "extract", folder, bad);

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var pages = Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal).Select(Path.GetFileNameWithoutExtension).ToArray();
        Assert.Equal(0, exitCode);
        Assert.Equal([.. pages, "section-front"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines[..^1], line =>
        {
            Assert.StartsWith("https://www.techwire.example/", line.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal("en", line.GetProperty("language").GetString());
            Assert.False(string.IsNullOrEmpty(line.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(line.GetProperty("byline").GetString()));
            Assert.Matches(@"^2026-11-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", line.GetProperty("published").GetString());
            Assert.True(line.GetProperty("text").GetString()!.Length > 1000);
        });
        Assert.StartsWith("no article text found", lines[^1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_check_names_the_line_of_each_error_and_fails()
    {
        var file = Path.Combine(Path.GetTempPath(), $"np-feeds-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "feeds:\n  - name: Good\n    url: https://example.com/rss\n  - name: Bad\n    url: gopher://example.com/\n");
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "feeds", "check", file);

            Assert.Equal(1, exitCode);
            Assert.Contains(":5:10: 'url' must use http or https, not 'gopher'", stderr, StringComparison.Ordinal);
            Assert.Contains("1 valid feeds, 1 errors.", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_repository_feeds_file_checks_clean()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "feeds", "check", RepositoryRoot.Combine("feeds.yaml"));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, stderr);
        Assert.EndsWith("valid feeds, 0 errors.", stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_stops_a_command_before_any_work()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["NEWSPULSE__Fetch__TimeoutSeconds"] = "0" }, "articles", "list");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Invalid configuration", stderr, StringComparison.Ordinal);
        Assert.Contains("Fetch:TimeoutSeconds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_server_programs_are_explained()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(new Dictionary<string, string> { ["NEWSPULSE__Database__PostgresBinDirectory"] = "/nonexistent/pg/bin" }, "db", "status");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: Database:PostgresBinDirectory is '/nonexistent/pg/bin' but initdb and pg_ctl are not there", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_without_once_says_what_to_type()
    {
        var (exitCode, _, stderr) = await CliProcess.RunAsync(null, "ingest");

        Assert.Equal(1, exitCode);
        Assert.Contains("--once", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("ingest")]
    [InlineData("feeds")]
    [InlineData("articles")]
    [InlineData("extract")]
    [InlineData("reprocess")]
    [InlineData("db")]
    public async Task Every_command_has_help(string command)
    {
        var (exitCode, stdout, _) = await CliProcess.RunAsync(null, command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains($"newspulse {command}", stdout, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace NewsPulse.IntegrationTests;

/// <summary><c>newspulse quotes extract</c>: one line out per line in, spans into the input text, bad lines answered and skipped.</summary>
public class QuotesCliTests
{
    [Fact]
    public async Task Quotes_extract_keeps_the_contract()
    {
        var input = Path.Combine(Path.GetTempPath(), $"np-quotes-{Guid.NewGuid():N}.jsonl");
        string[] texts =
        [
            "« La demande ralentit », estime Wei Sun, analyste principale chez Counterpoint Research.",
            "\"Supply is tight,\" said Ray Wang, research director at Futurum Group. According to Wang, prices will rise.",
        ];
        await File.WriteAllLinesAsync(input,
        [
            JsonSerializer.Serialize(new { id = "fr-1", text = texts[0], language = "fr" }),
            JsonSerializer.Serialize(new { id = 2, text = texts[1] }),
            "{\"id\": \"broken\"",
            "{\"text\": \"no id\"}",
            "{\"id\": \"no-text\"}",
        ]);
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "quotes", "extract", "--input", input);

            Assert.True(exitCode == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(5, lines.Length);
            for (var k = 0; k < 2; k++)
            {
                var quotes = lines[k].GetProperty("quotes").EnumerateArray().ToArray();
                Assert.NotEmpty(quotes);
                Assert.All(quotes, q =>
                {
                    var (start, end) = (q.GetProperty("start").GetInt32(), q.GetProperty("end").GetInt32());
                    Assert.Equal(q.GetProperty("text").GetString(), texts[k][start..end]);
                    Assert.Contains(q.GetProperty("kind").GetString(), new[] { "direct", "indirect" });
                    Assert.InRange(q.GetProperty("confidence").GetDouble(), 0, 1);
                });
            }

            var french = lines[0].GetProperty("quotes")[0];
            Assert.Equal(("fr-1", "La demande ralentit", "Wei Sun", "analyste principale", "Counterpoint Research", "estimer"), (
                lines[0].GetProperty("id").GetString(), french.GetProperty("text").GetString(), french.GetProperty("speaker").GetString(),
                french.GetProperty("speaker_title").GetString(), french.GetProperty("speaker_org").GetString(), french.GetProperty("verb").GetString()));
            Assert.Equal("2", lines[1].GetProperty("id").GetString());
            Assert.Contains(lines[1].GetProperty("quotes").EnumerateArray(), q => q.GetProperty("kind").GetString() == "indirect" && q.GetProperty("speaker").GetString() == "Ray Wang");
            Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
            Assert.Equal(4, lines[3].GetProperty("line").GetInt32());
            Assert.Equal("no-text", lines[4].GetProperty("id").GetString());
            Assert.True(lines[4].TryGetProperty("error", out _));
        }
        finally
        {
            File.Delete(input);
        }
    }
}

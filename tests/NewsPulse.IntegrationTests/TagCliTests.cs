using System.Text.Json;

namespace NewsPulse.IntegrationTests;

/// <summary><c>newspulse tag</c>: JSON Lines in, one line out per input line in order, a bad line an error line and the run goes on.</summary>
public class TagCliTests
{
    [Fact]
    public async Task Tag_writes_one_line_per_input_in_order_with_errors_for_bad_lines()
    {
        var input = Path.Combine(Path.GetTempPath(), $"np-tag-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id": "en-1", "title": "Nvidia wins Japanese order", "text": "TOKYO - Nvidia will supply SoftBank with chips for a new data centre in Osaka, the companies said on Tuesday.", "language": "en"}""",
            """{"id": 7, "title": "Les autorités chinoises visent Alibaba", "text": "Pékin a ouvert une enquête sur Alibaba, soupçonné de pratiques anticoncurrentielles, selon l'agence Chine nouvelle. Le groupe de Hangzhou dit coopérer avec les autorités."}""",
            """{"id": "broken", "title": """,
            """{"title": "No id here", "text": "Some text"}""",
            """{"id": "empty"}""",
        ]);
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "tag", "--input", input);

            Assert.True(exitCode == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.Equal(5, lines.Length);
            var english = lines[0];
            Assert.Equal("en-1", english.GetProperty("id").GetString());
            Assert.Equal("en", english.GetProperty("language").GetString());
            Assert.Contains(english.GetProperty("companies").EnumerateArray(), c => c.GetProperty("name").GetString() == "Nvidia" && c.GetProperty("ticker").GetString() == "NVDA");
            Assert.Contains(english.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == "JP" && c.GetProperty("name").GetString() == "Japan");
            Assert.All(english.GetProperty("companies").EnumerateArray(), c => Assert.InRange(c.GetProperty("confidence").GetDouble(), 0, 1));
            Assert.Equal(JsonValueKind.Array, english.GetProperty("themes").ValueKind);
            var french = lines[1];
            Assert.Equal("7", french.GetProperty("id").GetString());
            Assert.Equal("fr", french.GetProperty("language").GetString());
            Assert.Contains(french.GetProperty("countries").EnumerateArray(), c => c.GetProperty("code").GetString() == "CN");
            Assert.Contains(french.GetProperty("companies").EnumerateArray(), c => c.GetProperty("name").GetString() == "Alibaba");
            Assert.Equal(3, lines[2].GetProperty("line").GetInt32());
            Assert.Contains("not a JSON object", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(4, lines[3].GetProperty("line").GetInt32());
            Assert.Equal("empty", lines[4].GetProperty("id").GetString());
            Assert.Contains("no \"text\"", lines[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public async Task Model_eval_prints_per_language_scores_as_json()
    {
        var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "model", "eval", "--split", "dev", "--format", "json");

        Assert.True(exitCode == 0, stderr);
        var languages = JsonDocument.Parse(stdout).RootElement.GetProperty("languages").EnumerateArray().ToArray();
        Assert.Equal(["en", "fr"], languages.Select(l => l.GetProperty("language").GetString()));
        Assert.All(languages, l =>
        {
            Assert.Equal(9, l.GetProperty("themes").GetArrayLength());
            Assert.InRange(l.GetProperty("theme_macro_f1").GetDouble(), 0.5, 1);
            Assert.InRange(l.GetProperty("companies").GetProperty("f1").GetDouble(), 0.5, 1);
        });
    }

    [Fact]
    public async Task Model_eval_scores_a_set_labelled_elsewhere_with_names_instead_of_codes_and_no_splits()
    {
        var data = Path.Combine(Path.GetTempPath(), $"np-foreign-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(data,
        [
            """{"title": "Nvidia opens a lab in Paris", "text": "PARIS - Nvidia will open a research lab in Paris, the chip maker said, hiring 300 engineers in France.", "language": "en", "themes": ["Semiconductors"], "companies": ["NVIDIA Corporation"], "countries": ["France"]}""",
            """{"id": "b", "title": "Pékin cible les puces américaines", "text": "Les autorités chinoises ont ouvert une enquête sur les puces de Micron, a annoncé Pékin.", "language": "fr", "themes": ["policy"], "companies": ["Micron"], "countries": ["Chine", "US"]}""",
        ]);
        try
        {
            var (exitCode, stdout, stderr) = await CliProcess.RunAsync(null, "model", "eval", "--data", data, "--format", "json");

            Assert.True(exitCode == 0, stderr);
            var languages = JsonDocument.Parse(stdout).RootElement.GetProperty("languages").EnumerateArray().ToArray();
            Assert.Equal(["en", "fr"], languages.Select(l => l.GetProperty("language").GetString()));
            var english = languages[0];
            Assert.Equal(1, english.GetProperty("countries").GetProperty("true_positives").GetInt32());
            Assert.Equal(0, english.GetProperty("countries").GetProperty("false_negatives").GetInt32());
            Assert.Equal(1, english.GetProperty("companies").GetProperty("true_positives").GetInt32());
            Assert.Equal(2, languages[1].GetProperty("countries").GetProperty("support").GetInt32());
        }
        finally
        {
            File.Delete(data);
        }
    }
}

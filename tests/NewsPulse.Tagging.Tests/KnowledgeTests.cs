using NewsPulse.Tests;

namespace NewsPulse.Tagging.Tests;

/// <summary>
/// The project's own knowledge files: well formed, complete, and covering what independent lists of the same facts
/// hold (../shared/data/gazetteer, read in place, never copied).
/// </summary>
public class KnowledgeTests
{
    private static readonly string SharedGazetteer = Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "gazetteer");

    [Fact]
    public void Every_iso_country_is_known_once_with_english_and_french_names()
    {
        var countries = Knowledge.Countries;

        Assert.True(countries.Count >= 249, $"{countries.Count} countries");
        Assert.All(countries, c => Assert.Matches("^[A-Z]{2}$", c.Code));
        Assert.Equal(countries.Count, countries.Select(c => c.Code).Distinct().Count());
        Assert.All(countries, c => Assert.True(c.En.Count > 0 && c.Fr.Count > 0, c.Code));
    }

    [Fact]
    public void At_least_500_companies_each_named_once_with_known_parents()
    {
        var companies = Knowledge.Companies;
        var names = companies.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(companies.Count >= 500, $"{companies.Count} companies");
        Assert.Equal(companies.Count, names.Count);
        Assert.All(companies.Where(c => c.Parent is not null), c => Assert.Contains(c.Parent!, names));
    }

    [Fact]
    public void The_shared_lists_of_countries_aliases_and_demonyms_are_covered()
    {
        Assert.True(Directory.Exists(SharedGazetteer), $"The shared gazetteer is expected at {SharedGazetteer}.");
        var codes = Knowledge.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var sharedCodes = Rows("countries.csv").Select(r => r[0]).ToList();
        var aliases = Rows("aliases_curated.csv").Where(r => r[1] is "en" or "fr").Select(r => (Code: r[0], Text: r[2])).ToList();
        var demonyms = Rows("demonyms.csv").Where(r => r[1] is "en" or "fr").Select(r => (Code: r[0], Text: r[5])).Distinct().ToList();

        Assert.Equal([], sharedCodes.Except(codes).ToArray());
        AssertCovered("curated aliases", aliases, 0.9);
        AssertCovered("demonyms", demonyms, 0.9);
    }

    private static void AssertCovered(string what, List<(string Code, string Text)> names, double share)
    {
        var missed = names.Where(n => !Gazetteer.BuiltIn.Find(n.Text).Any(h => h.Name.Id == n.Code)).ToList();
        var covered = 1 - ((double)missed.Count / names.Count);
        Assert.True(covered >= share, $"{what}: {covered:P1} found; missed e.g. {string.Join(", ", missed.Take(15).Select(m => $"{m.Code}:{m.Text}"))}");
    }

    /// <summary>The rows of a shared CSV file, header skipped; quoted fields may hold commas.</summary>
    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(SharedGazetteer, file)).Skip(1).Where(l => l.Length > 0).Select(SplitCsv);

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

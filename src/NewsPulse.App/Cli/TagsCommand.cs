using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.App.Tagging;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary>
/// <c>newspulse tags show|add|remove ARTICLE [KIND VALUE] [--analyst NAME]</c>: an article's stored tags, and analysts'
/// corrections, which outrank the model's tags and are labels for the next <c>model train</c>.
/// </summary>
internal static class TagsCommand
{
    public static Command Create()
    {
        var command = new Command("tags", "Show an article's tags, or add or remove one as an analyst (the next training learns from it).");
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateDecision("add", present: true, "Tag an article with a company, country or theme (outranks the model)."));
        command.Subcommands.Add(CreateDecision("remove", present: false, "Remove a company, country or theme from an article's tags (outranks the model)."));
        return command;
    }

    private static Argument<long> ArticleArgument() => new("article") { Description = "The article's id (as `newspulse articles list` shows it)." };

    private static Command CreateShow()
    {
        var article = ArticleArgument();
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("show", "An article's tags: the model's with their confidence, and analysts' decisions.") { article, format };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var id = parseResult.GetValue(article);
            await using var app = await AppServices.StartAsync(cancellationToken);
            if (await app.Get<ArticleStore>().GetAsync(id, cancellationToken) is null)
            {
                throw new UserInputException($"No article {id}.");
            }

            var view = ArticleTagsView.From(id, await app.Get<TagStore>().GetTagsAsync(id, cancellationToken));
            if (parseResult.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(view, JsonOutput.Indented));
                return 0;
            }

            var table = new Table().AddColumns("kind", "tag", "confidence", "source");
            foreach (var company in view.Companies)
            {
                table.AddRow("company", Markup.Escape(company.Ticker is null ? company.Name : $"{company.Name} ({company.Ticker})"), Confidence(company.Confidence), Source(company.Source, company.ModelVersion));
            }

            foreach (var country in view.Countries)
            {
                table.AddRow("country", Markup.Escape($"{country.Code} {country.Name}"), Confidence(country.Confidence), Source(country.Source, country.ModelVersion));
            }

            foreach (var theme in view.Themes)
            {
                table.AddRow("theme", Markup.Escape(theme.Name), Confidence(theme.Confidence), Source(theme.Source, theme.ModelVersion));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateDecision(string name, bool present, string description)
    {
        var article = ArticleArgument();
        var kind = new Argument<string>("kind") { Description = "company, country or theme." };
        var value = new Argument<string>("value") { Description = "A company name or alias, a country code or name, or a theme." };
        var analyst = new Option<string?>("--analyst") { Description = "Who decided (kept with the decision)." };
        var command = new Command(name, description) { article, kind, value, analyst };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var id = parseResult.GetValue(article);
            await using var app = await AppServices.StartAsync(cancellationToken);
            var decision = await app.Get<TagDecisions>().DecideAsync(id, parseResult.GetValue(kind), parseResult.GetValue(value), present, parseResult.GetValue(analyst), cancellationToken);
            if (!decision.Stored)
            {
                throw new UserInputException(decision.Error!);
            }

            Console.WriteLine($"Article {id}: {decision.Kind} {decision.Value} {(present ? "added" : "removed")}; it outranks the model's tags and the next `newspulse model train` learns from it.");
            return 0;
        });
        return command;
    }

    private static string Confidence(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Source(string source, string? version) => version is null ? source : $"{source} {version}";
}

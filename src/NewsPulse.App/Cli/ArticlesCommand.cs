using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse articles list|show</c>.</summary>
internal static class ArticlesCommand
{
    public static Command Create()
    {
        var command = new Command("articles", "Look at stored articles.");
        command.Subcommands.Add(ArticleSearchCommand.Create());

        var limit = new Option<int>("--limit") { Description = "How many articles (1-1000).", DefaultValueFactory = _ => 20 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                result.AddError("--limit must be between 1 and 1000.");
            }
        });
        var failed = new Option<bool>("--include-failed") { Description = "Also list articles whose fetch or extraction failed, with the reason." };
        var format = OutputFormat.CreateOption();
        var list = new Command("list", "The latest articles, newest first.") { limit, failed, format };
        list.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var articles = await app.Get<ArticleStore>().ListLatestAsync(parseResult.GetValue(limit), parseResult.GetValue(failed), cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(articles, JsonOutput.Indented));
                return 0;
            }

            var table = new Table().AddColumns("id", "published", "lang", "source", "title", "status");
            foreach (var article in articles)
            {
                table.AddRow(
                    article.Id.ToString(CultureInfo.InvariantCulture),
                    (article.PublishedAt ?? article.DiscoveredAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    article.Language ?? "",
                    Markup.Escape(article.FeedName ?? article.SiteName ?? ""),
                    Markup.Escape(article.Title ?? article.FeedTitle ?? article.Url),
                    Markup.Escape(article.Status == "failed" ? $"failed: {article.LastError}" : article.Status));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var id = new Argument<long>("id") { Description = "The article id (see articles list)." };
        var show = new Command("show", "One article with its metadata and text, as JSON.") { id };
        show.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var article = await app.Get<ArticleStore>().GetAsync(parseResult.GetValue(id), cancellationToken)
                ?? throw new UserInputException($"No article with id {parseResult.GetValue(id)}.");
            Console.WriteLine(JsonSerializer.Serialize(article, JsonOutput.Indented));
            return 0;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }
}

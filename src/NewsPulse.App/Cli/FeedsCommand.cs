using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse feeds load|check|list</c>.</summary>
internal static class FeedsCommand
{
    public static Command Create()
    {
        var command = new Command("feeds", "Load, check and list the feeds NewsPulse polls.");

        var checkFile = new Argument<FileInfo>("file") { Description = "The feeds file (YAML) to check." };
        var check = new Command("check", "Validate a feeds file without touching the database; errors name line and column.") { checkFile };
        check.SetGuardedAction((parseResult, _) =>
        {
            var file = RequireFile(parseResult.GetValue(checkFile)!);
            var parsed = FeedsFileParser.Load(file.FullName);
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error with { File = ProjectPaths.Display(error.File) });
            }

            Console.WriteLine($"{parsed.Feeds.Count} valid feeds, {parsed.Errors.Count} errors.");
            return Task.FromResult(parsed.IsValid ? 0 : CommandErrors.Failure);
        });

        var loadFile = new Argument<FileInfo>("file") { Description = "The feeds file (YAML) to load." };
        var load = new Command("load", "Upsert a feeds file's feeds by URL; feeds the same file listed before and no longer does are disabled.") { loadFile };
        load.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var file = RequireFile(parseResult.GetValue(loadFile)!);
            var parsed = FeedsFileParser.Load(file.FullName);
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error with { File = ProjectPaths.Display(error.File) });
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            var result = await app.Get<FeedStore>().SyncAsync(ProjectPaths.Display(file.FullName), parsed.Feeds, disableMissing: parsed.IsValid, cancellationToken);
            Console.WriteLine($"{result.Added} added, {result.Updated} updated, {result.Disabled} disabled" +
                (parsed.IsValid ? "." : $"; {parsed.Errors.Count} invalid entries skipped and nothing disabled until they are fixed."));
            return parsed.IsValid ? 0 : CommandErrors.Failure;
        });

        var format = OutputFormat.CreateOption();
        var all = new Option<bool>("--all") { Description = "Include disabled feeds." };
        var list = new Command("list", "List feeds with their last check and last error.") { format, all };
        list.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var feeds = await app.Get<FeedStore>().ListAsync(enabledOnly: !parseResult.GetValue(all), source: null, cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(feeds, JsonOutput.Indented));
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "url", "lang", "enabled", "last success", "errors", "last error");
            foreach (var feed in feeds)
            {
                table.AddRow(
                    feed.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(feed.Name),
                    Markup.Escape(feed.Url),
                    feed.Language ?? "",
                    feed.Enabled ? "yes" : "no",
                    feed.LastSuccessAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never",
                    feed.ErrorCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(feed.LastError ?? ""));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        command.Subcommands.Add(check);
        command.Subcommands.Add(load);
        command.Subcommands.Add(list);
        return command;
    }

    private static FileInfo RequireFile(FileInfo file) =>
        file.Exists ? file : throw new UserInputException($"Feeds file not found: {file.FullName}");
}

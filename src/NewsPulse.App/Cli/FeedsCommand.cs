using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Hosting;
using NewsPulse.Domain;
using NewsPulse.Ingest.Feeds;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse feeds check|load|list|status|add|disable|enable|import|export</c>.</summary>
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
            await using var app = await AppServices.StartAsync(cancellationToken);
            return await LoadFileAsync(app, file, cancellationToken) ? 0 : CommandErrors.Failure;
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
        command.Subcommands.Add(CreateStatus());
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateSetEnabled("disable", enabled: false));
        command.Subcommands.Add(CreateSetEnabled("enable", enabled: true));
        command.Subcommands.Add(CreateImport());
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Command CreateStatus()
    {
        var format = OutputFormat.CreateOption();
        var status = new Command("status", "Feed health: last success, last error and its reason, consecutive errors, next check, items per day.") { format };
        status.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var feeds = await app.Get<FeedStore>().ListAsync(enabledOnly: false, source: null, cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(feeds, JsonOutput.Indented));
                return 0;
            }

            var table = new Table().AddColumns("id", "name", "state", "last success", "errors", "last error", "next check", "items/day");
            foreach (var feed in feeds)
            {
                table.AddRow(
                    feed.Id.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(feed.Name),
                    feed.State switch { "gone" => "[red]gone (410)[/]", "failing" => "[yellow]failing[/]", "ok" => "[green]ok[/]", var state => state },
                    When(feed.LastSuccessAt) ?? "never",
                    feed.ErrorCount.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(feed.LastError ?? ""),
                    feed.Enabled ? When(feed.NextCheckAt) ?? "" : "",
                    feed.ItemsPerDay?.ToString("0.#", CultureInfo.InvariantCulture) ?? "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return status;
    }

    private static Command CreateAdd()
    {
        var urls = new Argument<string[]>("url") { Description = "One or more feed URLs (http or https).", Arity = ArgumentArity.OneOrMore };
        var name = new Option<string?>("--name") { Description = "Name to show (default: the URL's host)." };
        var language = new Option<string?>("--language") { Description = "ISO 639-1 language hint, e.g. en or fr." };
        var interval = new Option<string?>("--interval") { Description = "Polling interval: 90s, 15m, 2h, 1d (default 30m)." };
        var category = new Option<string?>("--category") { Description = "Category, e.g. technology." };
        var add = new Command("add", "Add feeds by URL; URLs already polled are reported and skipped.") { urls, name, language, interval, category };
        add.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            // The feeds-file rules validate each URL and option, so `add` accepts exactly what feeds.yaml accepts.
            var each = parseResult.GetValue(urls)!.Select(url => FeedsFileParser.ParseFields(
                url, parseResult.GetValue(name), parseResult.GetValue(language), parseResult.GetValue(interval), parseResult.GetValue(category), "command line")).ToList();
            var parsed = new FeedsFile("command line", [.. each.SelectMany(f => f.Feeds)], [.. each.SelectMany(f => f.Errors)]);
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            await AddAllAsync(app.Get<FeedStore>(), parsed.Feeds, "cli", cancellationToken);
            return parsed.IsValid ? 0 : CommandErrors.Failure;
        });
        return add;
    }

    private static Command CreateSetEnabled(string verb, bool enabled)
    {
        var id = new Argument<long>("id") { Description = "The feed's id (see feeds list)." };
        var command = new Command(verb, enabled ? "Poll a disabled feed again." : "Stop polling a feed; it and its articles are kept.") { id };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var feedId = parseResult.GetValue(id);
            if (!await app.Get<FeedStore>().SetEnabledAsync(feedId, enabled, cancellationToken))
            {
                throw new UserInputException($"No feed with id {feedId}; `newspulse feeds list --all` shows them.");
            }

            Console.WriteLine($"Feed {feedId} {verb}d.");
            return 0;
        });
        return command;
    }

    private static Command CreateImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "An OPML file, as exported by feed readers." };
        var import = new Command("import", "Add the feeds of an OPML file (nested outlines become categories; feeds already polled are skipped).") { file };
        import.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var path = RequireFile(parseResult.GetValue(file)!);
            var parsed = OpmlFile.Parse(await File.ReadAllTextAsync(path.FullName, cancellationToken), ProjectPaths.Display(path.FullName));
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine(error);
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            await AddAllAsync(app.Get<FeedStore>(), parsed.Feeds, $"opml:{ProjectPaths.Display(path.FullName)}", cancellationToken);
            return parsed.IsValid ? 0 : CommandErrors.Failure;
        });
        return import;
    }

    private static Command CreateExport()
    {
        var format = new Option<string>("--format") { Description = "opml or yaml (the feeds.yaml schema).", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("opml", "yaml");
        var export = new Command("export", "Write every feed to stdout as OPML (enabled feeds) or feeds.yaml (all, with their enabled flag).") { format };
        export.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var feeds = (await app.Get<FeedStore>().ListAsync(enabledOnly: false, source: null, cancellationToken)).Select(f => f.ToDefinition()).ToArray();
            Console.WriteLine(parseResult.GetValue(format) == "opml"
                ? OpmlFile.Write(feeds.Where(f => f.Enabled), "NewsPulse feeds")
                : FeedsFileWriter.Write(feeds));
            return 0;
        });
        return export;
    }

    private static async Task AddAllAsync(FeedStore store, IReadOnlyList<FeedDefinition> feeds, string source, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var feed in feeds)
        {
            var (id, isNew) = await store.AddAsync(feed, source, cancellationToken);
            added += isNew ? 1 : 0;
            Console.WriteLine(isNew ? $"added #{id}: {feed.Name} <{feed.Url}>" : $"skipped: {feed.Url} is already polled as #{id}");
        }

        Console.WriteLine($"{added} added, {feeds.Count - added} already present.");
    }

    private static string? When(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Upserts a feeds file's feeds, reporting its errors on stderr and the counts on stdout; true when the file
    /// had no errors (only then are feeds it no longer lists disabled).
    /// </summary>
    public static async Task<bool> LoadFileAsync(AppServices app, FileInfo file, CancellationToken cancellationToken)
    {
        var parsed = FeedsFileParser.Load(file.FullName);
        foreach (var error in parsed.Errors)
        {
            await Console.Error.WriteLineAsync((error with { File = ProjectPaths.Display(error.File) }).ToString());
        }

        var result = await app.Get<FeedStore>().SyncAsync(ProjectPaths.Display(file.FullName), parsed.Feeds, disableMissing: parsed.IsValid, cancellationToken);
        Console.WriteLine($"{ProjectPaths.Display(file.FullName)}: {result.Added} added, {result.Updated} updated, {result.Disabled} disabled" +
            (parsed.IsValid ? "." : $"; {parsed.Errors.Count} invalid entries skipped and nothing disabled until they are fixed."));
        return parsed.IsValid;
    }

    public static FileInfo RequireFile(FileInfo file) =>
        file.Exists ? file : throw new UserInputException($"Feeds file not found: {file.FullName}");
}

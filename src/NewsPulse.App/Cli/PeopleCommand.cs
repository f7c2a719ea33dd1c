using System.CommandLine;
using System.Globalization;
using NewsPulse.App.Hosting;
using NewsPulse.App.Quotes;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse people list|show|merge</c>: the registry of quoted people, and the fix for what the name rules get wrong.</summary>
internal static class PeopleCommand
{
    public static Command Create()
    {
        var command = new Command("people", "The people quoted in stored articles: list them, show one, merge two that are one person.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateMerge());
        return command;
    }

    private static Command CreateList()
    {
        var limit = new Option<int>("--limit") { Description = "How many people (most quoted first).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "People, most quoted first, with their latest title and organisation.") { limit };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var count = parseResult.GetValue(limit) is >= 1 and <= 100_000 and var n ? n : throw new UserInputException("--limit must be between 1 and 100000.");
            await using var app = await AppServices.StartAsync(cancellationToken);
            var table = new Table().AddColumns("id", "name", "quotes", "title", "organisation", "last seen");
            foreach (var person in await app.Get<QuoteStore>().ListPeopleAsync(count, cancellationToken))
            {
                table.AddRow(
                    person.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(person.Name), person.Quotes.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(person.Title ?? ""), Markup.Escape(person.Organisation ?? ""), person.LastSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var person = new Argument<string>("person") { Description = "A name or an id." };
        var command = new Command("show", "One person: names, titles and organisations over time, number of quotes.") { person };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var found = await Find(app, parseResult.GetValue(person)!, cancellationToken);
            var store = app.Get<QuoteStore>();
            AnsiConsole.WriteLine($"{found.Name} (person {found.Id}), {found.Quotes} quotes");
            AnsiConsole.WriteLine("names: " + string.Join(", ", await store.NamesAsync(found.Id, cancellationToken)));
            var roles = new Table().AddColumns("title", "organisation", "first seen", "last seen");
            foreach (var role in await store.RolesAsync(found.Id, cancellationToken))
            {
                roles.AddRow(Markup.Escape(role.Title), Markup.Escape(role.Organisation), Day(role.FirstSeen), Day(role.LastSeen));
            }

            AnsiConsole.Write(roles);
            return 0;
        });
        return command;
    }

    private static Command CreateMerge()
    {
        var into = new Argument<string>("a") { Description = "The person who stays (name or id)." };
        var from = new Argument<string>("b") { Description = "The person merged into A (name or id): quotes, names and roles move to A." };
        var command = new Command("merge", "Merge person B into person A; B's names point at A from now on.") { into, from };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var a = await Find(app, parseResult.GetValue(into)!, cancellationToken);
            var b = await Find(app, parseResult.GetValue(from)!, cancellationToken);
            if (!await app.Get<QuoteStore>().MergeAsync(a.Id, b.Id, cancellationToken))
            {
                throw new UserInputException(a.Id == b.Id ? "A and B are the same person." : "One of them was merged meanwhile; list people again.");
            }

            Console.WriteLine($"Merged {b.Name} (person {b.Id}) into {a.Name} (person {a.Id}).");
            return 0;
        });
        return command;
    }

    private static async Task<PersonSummary> Find(AppServices app, string nameOrId, CancellationToken cancellationToken)
    {
        var match = await app.Get<PersonLookup>().FindAsync(nameOrId, cancellationToken);
        return match.Person ?? throw new UserInputException(match.Problem + ".");
    }

    private static string Day(DateTimeOffset value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

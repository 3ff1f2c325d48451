using MotCua.Web;
using MotCua.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var command = AdminCommands.Find(args);
// Before anything is registered, migrated or served: a Production start with demo data, the sandbox or default secrets stops here.
if (command is null && ProductionGuard.Check(builder.Configuration, builder.Environment) is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"MotCua refuses to start in the Production environment: {problems.Count} setting(s) to change.");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    return 1;
}

builder.AddMotCua();

var app = builder.Build();
if (command is not null)
{
    return await command(app, args[1..]);
}

await app.PrepareDatabaseAsync();
app.UseMotCua();
app.MapMotCua();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;

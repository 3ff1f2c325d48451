using MotCua.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCua();

var app = builder.Build();
if (AdminCommands.Find(args) is { } command)
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

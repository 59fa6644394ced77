using PlanBot.BotFramework.Hosting;
using PlanBot.BotFramework.Teams;
using PlanBot.Gates.Hosting;
using PlanBot.Host.Export;
using PlanBot.Host.Health;
using PlanBot.Host.Hosting;
using PlanBot.Host.Tab;
using PlanBot.Slack.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettings();

builder.Services.AddPlanBotOptions(builder.Configuration, builder.Environment);
builder.Services.AddPlanBotStore(builder.Configuration);
builder.Services.AddPlanBotConversations();
builder.Services.AddBotFramework(builder.Configuration);
builder.Services.AddSlack(builder.Configuration);
builder.Services.AddGates(builder.Configuration);
builder.Services.AddPlanBotTelemetry(builder.Configuration);
builder.Services.AddTabAuthentication(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseBadRequestsAsClientErrors();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapBotFramework();
app.MapSlack();
app.MapExport();
app.MapGates();
app.MapTab();

app.Run();

/// <summary>The host's entry point, visible to integration tests.</summary>
public partial class Program;

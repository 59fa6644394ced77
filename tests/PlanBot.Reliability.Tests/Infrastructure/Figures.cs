namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>Prints a scenario's measured figures in one greppable form: <c>FIGURE scenario | name | value</c>.</summary>
public sealed class Figures(ITestOutputHelper output, string scenario)
{
    public void Add(string name, object value) => output.WriteLine($"FIGURE {scenario} | {name} | {value}");
}

using PlanBot.Domain.Deployment;

namespace PlanBot.Domain.Tests.Deployment;

/// <summary>Section 2's order of components read as a run sheet: nodes, dependencies, unknown names and cycles.</summary>
public sealed class RunSheetTests
{
    [Fact]
    public void Lines_become_steps_with_their_nodes_in_an_order_every_dependency_comes_first_in()
    {
        var (read, problem) = RunSheet.Read("web on web-1, web-2 after api\n- api on api-1 and api-2 after database\ndatabase on sql-1");

        Assert.Null(problem);
        var steps = Assert.IsAssignableFrom<IReadOnlyList<RunStep>>(read);
        Assert.Equal(["database", "api", "web"], steps.Select(s => s.Component));
        Assert.Equal(["api-1", "api-2"], steps[1].Nodes);
        Assert.Equal(["database"], steps[1].After);
        Assert.Equal(["web-1", "web-2"], steps[2].Nodes);
    }

    [Fact]
    public void Without_dependencies_the_order_given_is_kept_and_nodes_are_optional()
    {
        var steps = Assert.IsAssignableFrom<IReadOnlyList<RunStep>>(RunSheet.Read("Migrate the database\nDeploy the api\nFlip the traffic manager").Steps);

        Assert.Equal(["Migrate the database", "Deploy the api", "Flip the traffic manager"], steps.Select(s => s.Component));
        Assert.All(steps, s => Assert.Empty(s.Nodes));
    }

    [Fact]
    public void A_dependency_on_a_component_not_listed_is_refused_naming_it()
    {
        var (steps, problem) = RunSheet.Read("web after api\ndatabase");

        Assert.Null(steps);
        Assert.Equal("web comes after \"api\", which is not a component of this run sheet. Give it a line of its own, or correct the name.", problem);
    }

    [Fact]
    public void A_cycle_is_refused_naming_the_components_in_it()
    {
        var (steps, problem) = RunSheet.Read("web after api\napi after web\ndatabase");

        Assert.Null(steps);
        Assert.Equal("The run sheet has a cycle: web, api each wait for another of them.", problem);
    }

    [Fact]
    public void A_component_listed_twice_is_refused()
    {
        Assert.Equal("\"API\" is listed twice; give each component one line.", RunSheet.Read("api on a\nAPI on b").Problem);
    }

    [Fact]
    public void An_empty_run_sheet_says_how_to_write_one()
    {
        Assert.StartsWith("Give the run sheet as one line per component", RunSheet.Read(" \n ").Problem, StringComparison.Ordinal);
    }
}

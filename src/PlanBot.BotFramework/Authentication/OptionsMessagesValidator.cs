using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Authentication;

/// <summary>Reports an options class's own validation messages, each naming the key at fault, at start-up.</summary>
internal sealed class OptionsMessagesValidator<TOptions>(Func<TOptions, IReadOnlyList<string>> validate) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

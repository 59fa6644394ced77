using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.Host.Tab;

/// <summary>
/// Teams tab single sign-on: the page sends the token Teams gave it, and it must be Entra's (issuer
/// <c>https://login.microsoftonline.com/{tid}/v2.0</c> for the token's own tenant), for this app
/// (<see cref="TabOptions.Audience"/>), signed with a key Entra publishes. In Development a token of
/// the loopback-only <see cref="DevSignIn"/> is accepted too.
/// </summary>
internal static class TabAuthentication
{
    public const string Policy = "TeamsTab";
    public const string Scheme = "TeamsTab";
    public const string EntraScheme = "TeamsTabEntra";
    public const string DevScheme = "TeamsTabDev";

    public static IServiceCollection AddTabAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<TabOptions>().Bind(configuration.GetSection(TabOptions.Section));
        var development = environment.IsDevelopment();
        if (development)
        {
            services.AddSingleton<DevSignIn>();
        }

        var authentication = services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Teams tab", o => o.ForwardDefaultSelector = context =>
                development && DevSignIn.IsDevToken(context.Request.Headers.Authorization.ToString()) ? DevScheme : EntraScheme)
            .AddJwtBearer(EntraScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(EntraScheme).Configure<IOptions<TabOptions>>((o, tab) => ConfigureEntra(o, tab.Value));
        if (development)
        {
            authentication.AddJwtBearer(DevScheme, _ => { });
            services.AddOptions<JwtBearerOptions>(DevScheme).Configure<DevSignIn, IOptions<TabOptions>>((o, dev, tab) => dev.Configure(o, tab.Value));
        }

        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private static void ConfigureEntra(JwtBearerOptions options, TabOptions tab)
    {
        options.MetadataAddress = tab.OpenIdMetadataUrl;
        options.RequireHttpsMetadata = tab.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            // No audience configured means no token can be for this host: every one is refused.
            ValidAudience = tab.Audience ?? "api://not-configured",
            ValidateIssuer = true,
            IssuerValidator = TenantIssuer,
            ValidateLifetime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
        };
        options.Events = Explained();
    }

    /// <summary>Entra's v2.0 issuer names the tenant; it must be the tenant the token itself claims.</summary>
    private static string TenantIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        var tenant = (token as JsonWebToken)?.TryGetClaim(TabUser.TenantClaim, out var claim) == true ? claim.Value : null;
        if (tenant is not null && Guid.TryParse(tenant, out _) && issuer == $"https://login.microsoftonline.com/{tenant}/v2.0")
        {
            return issuer;
        }

        throw new SecurityTokenInvalidIssuerException("The token's issuer is not Entra's v2.0 issuer for its own tenant.");
    }

    /// <summary>A refused token gets a 401 that says why (never the token itself); the log gets the reason only.</summary>
    public static JwtBearerEvents Explained() => new()
    {
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var reason = context.AuthenticateFailure is null
                ? "Sign-in required: send the Teams single sign-on token as a Bearer token."
                : $"The sign-in token was refused: {Describe(context.AuthenticateFailure)}";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsJsonAsync(new { title = "Unauthorized", status = 401, detail = reason }, context.HttpContext.RequestAborted);
        },
    };

    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired.",
        SecurityTokenInvalidAudienceException => "it is not for this app.",
        SecurityTokenInvalidIssuerException => "it is not from Entra for its tenant.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not match a published key.",
        _ => "it is not a valid token.",
    };

    /// <summary>The person a request was authenticated as; null when the token names nobody.</summary>
    public static TabUser? User(HttpContext context) => TabUser.From(context.User);

    public static Task<AuthenticateResult> AuthenticateAsync(HttpContext context) => context.AuthenticateAsync(Scheme);
}

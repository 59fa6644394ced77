using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.Host.Tab;

/// <summary>
/// Development only: stands in for Teams single sign-on when the tab is opened in a plain browser on
/// this machine. It signs tokens with a key made at start-up and never leaves the process, and both
/// the sign-in and every request with such a token must come from loopback.
/// </summary>
internal sealed class DevSignIn
{
    public const string Issuer = "planbot-development-sign-in";

    private readonly SymmetricSecurityKey key = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "planbot-dev" };
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>From this machine: a loopback address, or none at all (a request made in-process, as the test server does).</summary>
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is not { } address || IPAddress.IsLoopback(address);

    /// <summary>True when a bearer token names the development issuer (read, not trusted: the dev scheme validates it).</summary>
    public static bool IsDevToken(string authorization)
    {
        const string Prefix = "Bearer ";
        if (!authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return new JsonWebToken(authorization[Prefix.Length..].Trim()).Issuer == Issuer;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public string Issue(string tenant, string objectId, string name, string audience) => handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = audience,
        Expires = DateTime.UtcNow.AddHours(8),
        Claims = new Dictionary<string, object>
        {
            [TabUser.TenantClaim] = tenant,
            [TabUser.ObjectIdClaim] = objectId,
            [TabUser.NameClaim] = name,
        },
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    public void Configure(JwtBearerOptions options, TabOptions tab)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = DevAudience(tab),
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
        options.Events = TabAuthentication.Explained();
        options.Events.OnTokenValidated = context =>
        {
            if (!IsLoopback(context.HttpContext))
            {
                context.Fail("development sign-in works from this machine only.");
            }

            return Task.CompletedTask;
        };
    }

    public static string DevAudience(TabOptions tab) => tab.Audience ?? "api://127.0.0.1/planbot-development";
}

namespace PlanBot.Testing.Authentication;

public static class TestIds
{
    public const string AppId = "2c1b8a4e-6f0d-4e57-9a3b-7d2f1c0e9b11";
    public const string OtherAppId = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    public const string TenantId = "4a5b6c7d-8e9f-4012-a345-6789abcdef01";
    public const string AmerServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string EmeaServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string Teams = "msteams";
    public const string EmulatorTenantV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorTenantV2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
}

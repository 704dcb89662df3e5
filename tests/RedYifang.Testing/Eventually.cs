namespace RedYifang.Testing;

public static class Eventually
{
    /// <summary>Polls until the condition holds or the time is up; the caller's assertion then reports the state.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && !await condition()) await Task.Delay(200);
    }
}

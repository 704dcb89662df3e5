using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RedYifang.Testing;

/// <summary>Stops a process a test started: SIGTERM first (it flushes and stops its own children), the whole tree killed after a grace period.</summary>
public static class ChildProcess
{
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited) return;
        _ = Kill(process.Id, 15);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

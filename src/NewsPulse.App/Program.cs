using NewsPulse.App.Cli;

return await NewsPulseCli.Create().Parse(args).InvokeAsync();

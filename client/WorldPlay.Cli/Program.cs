using WorldPlay.Cli;

return await WorldPlayCommand.RunAsync(args);

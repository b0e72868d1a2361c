// Flips Electron's fuses in the packaged binary: it can no longer be used as a plain Node runtime,
// read NODE_OPTIONS or inspector flags, and it only loads an app.asar whose integrity checks out.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const executableName = {
  darwin: (context) => `${context.packager.appInfo.productFilename}.app`,
  win32: (context) => `${context.packager.appInfo.productFilename}.exe`,
  linux: (context) => context.packager.executableName,
};

exports.default = async function afterPack(context) {
  const platform = context.electronPlatformName;
  const binary = path.join(context.appOutDir, executableName[platform](context));
  await flipFuses(binary, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};

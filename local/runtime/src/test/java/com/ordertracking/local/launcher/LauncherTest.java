package com.ordertracking.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path home;

    @Test
    void picksTheNewestJdkOfAtLeast21FromTheUsualFoldersAndVariables() throws IOException {
        fakeJdk(home.resolve(".sdkman/candidates/java/17.0.9-tem"), "17.0.9");
        Path jdk97 = fakeJdk(home.resolve(".jdks/jdk-97"), "97.0.1");
        Path jdk98 = fakeJdk(home.resolve("custom/jdk-98"), "98");

        assertThat(Launcher.newestJdk(Map.of(), home.toString())).isEqualTo(jdk97.toFile());
        assertThat(Launcher.newestJdk(Map.of("JAVA98_HOME", jdk98.toString()), home.toString()))
                .isEqualTo(jdk98.toFile());
    }

    @Test
    void aFolderWithoutAnExecutableJavaOrReleaseFileIsNoJdk() throws IOException {
        Path noRelease = home.resolve("no-release");
        Files.createDirectories(noRelease.resolve("bin"));
        Files.createFile(noRelease.resolve("bin/java")).toFile().setExecutable(true);
        Path jdk = fakeJdk(home.resolve("jdk"), "21.0.5");
        new File(jdk.toFile(), "bin/java").setExecutable(false);

        assertThat(Launcher.jdkVersion(noRelease.toFile())).isEqualTo(-1);
        assertThat(Launcher.jdkVersion(jdk.toFile())).isEqualTo(-1);
        assertThat(Launcher.jdkVersion(fakeJdk(home.resolve("old"), "1.8.0_402").toFile())).isEqualTo(8);
    }

    @Test
    void readsTheFeatureVersionOfOldAndNewSpecificationVersions() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
    }

    private static Path fakeJdk(Path dir, String version) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createFile(dir.resolve("bin/java")).toFile().setExecutable(true);
        Files.writeString(dir.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return dir;
    }
}

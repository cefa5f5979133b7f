package kh.gov.spean.cli.client;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import kh.gov.spean.id.SubsystemId;
import kh.gov.spean.node.SettingCheck;

/** The options every {@code spean client} command takes: the node's data directory and the local subsystem. */
public final class SubsystemOptions {

    @Option(names = "--data", required = true, description = "The node's data directory (spean init).")
    Path data;

    @Option(names = "--subsystem", required = true, description = "A subsystem of the node's member, e.g. KH/GOV/MEF/BUSINESS-REGISTRY.")
    String subsystem;

    SubsystemId subsystem() {
        SettingCheck.require(Files.isDirectory(data), "data", "must be a directory made by 'spean init': " + data);
        try {
            SubsystemId id = SubsystemId.parse(subsystem);
            SettingCheck.require(Files.isDirectory(data.resolve(id.member().folderName())), "subsystem",
                    "names member " + id.member() + ", which has no folder in " + data);
            return id;
        } catch (IllegalArgumentException e) {
            SettingCheck.require(false, "subsystem", e.getMessage());
            throw e;
        }
    }

    Path data() {
        return data;
    }
}

package org.beatbook.demo;

import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.alert.AlertDemo;
import org.beatbook.device.DeviceDemo;
import org.springframework.stereotype.Component;

import java.util.List;

/** The smart-compound part of the demo: gate devices with their credentials, and the hotlist their traffic hits. */
@Component
class SmartCompoundDemo {

    private final DeviceDemo devices;
    private final AlertDemo alerts;

    SmartCompoundDemo(DeviceDemo devices, AlertDemo alerts) {
        this.devices = devices;
        this.alerts = alerts;
    }

    record Loaded(List<DeviceDemo.DemoDevice> devices, List<AlertDemo.HotlistItem> hotlist) { }

    Loaded load(DemoTree tree, long seed) {
        return new Loaded(devices.load(tree.compounds()), alerts.load(seed));
    }
}

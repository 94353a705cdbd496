package org.beatbook.demo;

import org.beatbook.address.AddressDemo.DemoTree;
import org.beatbook.alert.AlertDemo;
import org.beatbook.device.DeviceDemo;
import org.beatbook.vehicle.VehicleDemo;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The smart-compound part of the demo: the residents' registered vehicles, gate devices with their credentials, and
 * the hotlist their traffic hits.
 */
@Component
class SmartCompoundDemo {

    private final VehicleDemo vehicles;
    private final DeviceDemo devices;
    private final AlertDemo alerts;

    SmartCompoundDemo(VehicleDemo vehicles, DeviceDemo devices, AlertDemo alerts) {
        this.vehicles = vehicles;
        this.devices = devices;
        this.alerts = alerts;
    }

    record Loaded(List<DeviceDemo.DemoDevice> devices, List<AlertDemo.HotlistItem> hotlist) { }

    Loaded load(DemoTree tree, long seed) {
        // vehicles belong to the residents' households, so this runs after the registry part
        vehicles.load(tree.compounds(), seed);
        return new Loaded(devices.load(tree.compounds()), alerts.load(seed));
    }
}

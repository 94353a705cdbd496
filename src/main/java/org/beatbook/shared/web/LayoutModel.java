package org.beatbook.shared.web;

import org.beatbook.shared.security.Caller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

import java.util.Comparator;
import java.util.List;

/** Puts what the page layout needs into every page model: the caller and the navigation they may use. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavItem> items;

    LayoutModel(List<NavItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Caller.find().orElse(null);
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        return Caller.find()
                .map(c -> items.stream().filter(i -> i.roles().contains(c.role())).toList())
                .orElse(List.of());
    }
}
